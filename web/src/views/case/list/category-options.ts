// The categories as the case filter's tree select offers them: a top-level category matches
// its whole subtree (the API's category filter is a code prefix), so both levels are choices.
import type { Category } from '@/api/categories'
import { buildCategoryTree } from '@/utils/category-tree'

export interface CategoryOption {
  value: string
  label: string
  children?: CategoryOption[]
}

const option = (category: Pick<Category, 'code' | 'name'>): CategoryOption => ({
  value: category.code,
  label: `${category.code} ${category.name}`,
})

export function categoryOptions(categories: readonly Category[]): CategoryOption[] {
  return buildCategoryTree(categories).map((node) => ({ ...option(node.category), children: node.children.map(option) }))
}
