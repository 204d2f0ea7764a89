// 并案: what differs between a case and the case it would join. The server merges unlike cases
// only when told to (409 case.merge_unconfirmed, then `confirm: true`); the dialog shows the
// office what differs so the confirmation means something (server: workflow.cpp Merge).
import type { CaseDetail, OrgRef } from '@/api/types'

export interface MergeDifference {
  /** The category (分类) or the place the case was recorded for (origin). */
  what: 'category' | 'place'
  /** This case's value, as people read it. */
  mine: string
  /** The master case's value. */
  theirs: string
}

/** What of a case the comparison reads; names where the server sends them, else codes. */
export type MergeSide = Pick<CaseDetail, 'categoryCode' | 'location'> & {
  categoryName?: string
  origin: (OrgRef & { displayName?: string }) | null
}

const categoryLabel = (c: MergeSide) => c.categoryName || c.categoryCode
const unitLabel = (unit: MergeSide['origin']) => (unit ? unit.displayName || unit.name : '')

/** The differences the server checks, category first; empty when the cases are alike. */
export function mergeDifferences(mine: MergeSide, master: MergeSide): MergeDifference[] {
  const differences: MergeDifference[] = []
  if (mine.categoryCode !== master.categoryCode) {
    differences.push({ what: 'category', mine: categoryLabel(mine), theirs: categoryLabel(master) })
  }
  if ((mine.origin?.id ?? null) !== (master.origin?.id ?? null)) {
    const place = (c: MergeSide) => [unitLabel(c.origin), c.location.address].filter(Boolean).join(' · ')
    differences.push({ what: 'place', mine: place(mine), theirs: place(master) })
  }
  return differences
}
