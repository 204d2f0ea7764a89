// The categories the case filters refer to, as the two-level tree the filter offers.
import { http } from '@/api/http'
import type { ItemList } from '@/api/types'

export interface Category {
  code: string
  name: string
  parentCode: string | null
}

export const listCategories = () => http.get<ItemList<Category>>('/api/v1/categories')

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
