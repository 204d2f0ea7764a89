// Names and pickers for the org units and categories the case filters refer to. Kept beside
// the case list (and used by the supervision centre) because list items carry only unit ids;
// it should move to api/ once an org resource module exists there.
import { http } from '@/api/http'
import type { ItemList, OrgKind, OrgLevel } from '@/api/types'

export interface OrgTreeNode {
  id: number
  code: string
  name: string
  kind: OrgKind
  level: OrgLevel
  active: boolean
  children?: OrgTreeNode[]
}

export interface OrgUnitBrief {
  id: number
  name: string
  shortName?: string
}

export interface Category {
  code: string
  name: string
  parentCode: string | null
}

/** The unit `root` (or the top of the network) with its children, one level down. */
export const getOrgLevel = (root?: number) =>
  http.get<ItemList<OrgTreeNode>>('/api/v1/org/tree', { root, depth: 1 })

export const getOrgUnit = (id: number) => http.get<OrgUnitBrief>(`/api/v1/org/units/${id}`)

export const listCategories = () => http.get<ItemList<Category>>('/api/v1/categories')

const names = new Map<number, Promise<string>>()

/** The unit's name, fetched once per page load; "#id" when it cannot be read. */
export function unitName(id: number): Promise<string> {
  let name = names.get(id)
  if (!name) {
    name = getOrgUnit(id).then(
      (unit) => unit.name,
      () => {
        names.delete(id)
        return `#${id}`
      },
    )
    names.set(id, name)
  }
  return name
}

/** Names of many units, a few requests at a time (the list carries ids only). */
export async function unitNames(ids: Iterable<number>, parallel = 6): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)]
  const found = new Map<number, string>()
  let next = 0
  async function worker(): Promise<void> {
    while (next < wanted.length) {
      const id = wanted[next++]!
      found.set(id, await unitName(id))
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, wanted.length) }, worker))
  return found
}

export interface CategoryOption {
  value: string
  label: string
  children?: CategoryOption[]
}

/** The flat category list as a two-level tree (parents first in the server's order). */
export function categoryTree(categories: readonly Category[]): CategoryOption[] {
  const top: CategoryOption[] = []
  const byCode = new Map<string, CategoryOption>()
  for (const category of categories) {
    const option: CategoryOption = { value: category.code, label: `${category.code} ${category.name}` }
    byCode.set(category.code, option)
  }
  for (const category of categories) {
    const option = byCode.get(category.code)!
    const parent = category.parentCode ? byCode.get(category.parentCode) : undefined
    if (parent) {
      ;(parent.children ??= []).push(option)
    } else {
      top.push(option)
    }
  }
  return top
}
