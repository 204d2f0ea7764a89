// 上报: the offices a holder may report a case to. The city document lets a community report
// "按照管理权限，分别上报至街道、区、市", so every office (division) above the holder on its own
// chain is a target, nearest first; the nearest is the default (server: MayForwardTo).
import type { OrgRef } from '@/api/types'

/** A unit with its parent, as GET /api/v1/org/units/{id} answers. */
export interface ChainUnit extends OrgRef {
  parentId: number | null
  /** The office it acts as (船营区绿色通道办公室 for the division 船营区). */
  displayName?: string
}

/** The office as people know it. */
export const officeName = (unit: ChainUnit): string => unit.displayName || unit.name

/** Deeper than any chain of the network (city → district → street → community → grid). */
const MAX_CHAIN = 8

/** The active offices above `holderId`, nearest first, read one parent at a time. */
export async function officesAbove(holderId: number, getUnit: (id: number) => Promise<ChainUnit>): Promise<ChainUnit[]> {
  const above: ChainUnit[] = []
  let next = (await getUnit(holderId)).parentId
  for (let depth = 0; next !== null && depth < MAX_CHAIN; depth++) {
    const unit = await getUnit(next)
    if (unit.kind === 'division') {
      above.push(unit)
    }
    next = unit.parentId
  }
  return above
}
