// The names people read where the server's records carry codes and ids: a unit as it acts
// (市绿色通道办公室, not the division 吉林市), a category by its name, and who acted on a case
// as a colleague's name with their unit. The server sends the names (docs/api.md, "Names").
import type { CaseEvent, OrgRef } from '@/api/types'

/** The unit as it acts, or null for none. */
export function unitLabel(unit: OrgRef | null | undefined): string | null {
  if (!unit) {
    return null
  }
  return unit.displayName || unit.name
}

/** "物业管理"; the code only when the catalogue no longer knows it. */
export function categoryLabel(item: { categoryCode: string; categoryName?: string }): string {
  return item.categoryName || item.categoryCode
}

/**
 * Who acted: "王力 · 吉林市住房和城乡建设局" for a colleague, else the role of the unit they acted
 * for (`roleLabel`, "" for the public and the system), else whatever of the two is known.
 * `unitFallback` names the unit when an older server sent no actorUnitName.
 */
export function actorLabel(event: CaseEvent, roleLabel: string, unitFallback = ''): string {
  const unit = event.actorUnitName || unitFallback
  const who = event.actorName || roleLabel
  if (who && unit && who !== unit) {
    return `${who} · ${unit}`
  }
  return who || unit
}
