// Org unit names for the ids in events and 督办单 (they carry ids only). The whole network is
// loaded once per page life by api/org.ts (the unit picker shares it), so a long timeline
// costs no request per unit.
import { shallowRef } from 'vue'
import { unitsOfKind } from '@/api/org'
import type { OrgKind } from '@/api/types'

const KINDS: readonly OrgKind[] = ['division', 'unit', 'section']

export function useUnitNames() {
  const names = shallowRef<ReadonlyMap<number, string>>(new Map())

  async function load(): Promise<void> {
    try {
      const lists = await Promise.all(KINDS.map((kind) => unitsOfKind(kind)))
      names.value = new Map(lists.flat().map((unit) => [unit.id, unit.name]))
    } catch {
      // Names are a courtesy: without them the timeline still shows roles and times.
    }
  }

  /** The unit's name, or "" while unknown. */
  const nameOf = (id: number | null | undefined): string => (id === null || id === undefined ? '' : (names.value.get(id) ?? ''))

  void load()
  return { nameOf }
}
