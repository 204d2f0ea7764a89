// Org unit names for the ids in events and 督办单 (they carry ids only), each looked up once
// per page life (GET /api/v1/org/units/{id}) and shared by every case page opened after. One
// request per id, not api/org's unitNames: a case names a handful of units, and the whole
// network takes seconds to load.
import { shallowRef } from 'vue'
import { getOrgUnit } from '@/api/org'

const known = new Map<number, string>()
const pending = new Map<number, Promise<void>>()

export function useUnitNames() {
  // Bumped when a name arrives, so the templates that asked for it render again.
  const version = shallowRef(0)

  /** Looks up the names not known yet; failures leave the id unnamed (roles still show). */
  function ensure(ids: Iterable<number>): void {
    for (const id of ids) {
      if (known.has(id) || pending.has(id)) {
        continue
      }
      const lookup = getOrgUnit(id)
        .then((unit) => {
          known.set(id, unit.name)
          version.value += 1
        })
        .catch(() => undefined)
        .finally(() => pending.delete(id))
      pending.set(id, lookup)
    }
  }

  /** The unit's name, or "" while unknown. */
  function nameOf(id: number | null | undefined): string {
    void version.value
    return id === null || id === undefined ? '' : (known.get(id) ?? '')
  }

  return { nameOf, ensure }
}
