// The two-level subject categories (GET /api/v1/categories) as a tree, searched over names and
// keywords, and the categories a text suggests by the keywords it contains.
import type { Category } from '@/api/categories'

export interface CategoryNode {
  category: Category
  children: Category[]
}

export interface CategoryTreeOptions {
  /**
   * The administration's tree: in code order, every top level even without subcategories,
   * and a subcategory whose parent is missing kept at the top. Without: the pickers' choices,
   * in the server's order, top levels with subcategories only.
   */
  complete?: boolean
}

const byCode = (a: Category, b: Category) => a.code.localeCompare(b.code)

/** Top-level categories with their second-level ones. */
export function buildCategoryTree(items: readonly Category[], { complete = false }: CategoryTreeOptions = {}): CategoryNode[] {
  const codes = new Set(items.map((item) => item.code))
  const children = new Map<string, Category[]>()
  const tops: Category[] = []
  for (const item of items) {
    if (item.parentCode && codes.has(item.parentCode)) {
      children.set(item.parentCode, [...(children.get(item.parentCode) ?? []), item])
    } else if (!item.parentCode || complete) {
      tops.push(item)
    }
  }
  const ordered = (list: Category[]) => (complete ? [...list].sort(byCode) : list)
  return ordered(tops)
    .map((category) => ({ category, children: ordered(children.get(category.code) ?? []) }))
    .filter((node) => complete || node.children.length > 0)
}

/** "公用事业 / 供暖供热" for a second-level code; the name alone for a top-level one. */
export function categoryPath(items: readonly Category[], code: string): string {
  const item = items.find((candidate) => candidate.code === code)
  if (!item) {
    return code
  }
  const parent = item.parentCode === null ? undefined : items.find((candidate) => candidate.code === item.parentCode)
  return parent ? `${parent.name} / ${item.name}` : item.name
}

const normalise = (text: string) => text.trim().toLowerCase()

/**
 * Whether a second-level category answers a search: its name, its parent's name or one of its
 * keywords contains the query, or the query contains one of its keywords (someone typing
 * "暖气不热" means 供暖供热).
 */
export function categoryMatches(category: Category, parentName: string, query: string): boolean {
  const q = normalise(query)
  if (q === '') {
    return true
  }
  if (normalise(category.name).includes(q) || normalise(parentName).includes(q)) {
    return true
  }
  return category.keywords.some((keyword) => {
    const k = normalise(keyword)
    return k !== '' && (k.includes(q) || q.includes(k))
  })
}

/**
 * The second-level categories whose keywords occur in `text`, best first: more distinct
 * keywords found, then longer ones (a longer keyword is the more specific hint).
 */
export function suggestCategories(items: readonly Category[], text: string, max = 3): Category[] {
  const haystack = normalise(text)
  if (haystack === '') {
    return []
  }
  const scored: { category: Category; hits: number; length: number; order: number }[] = []
  items.forEach((category, order) => {
    if (category.parentCode === null) {
      return
    }
    const found = category.keywords.map(normalise).filter((keyword) => keyword !== '' && haystack.includes(keyword))
    if (found.length > 0) {
      scored.push({ category, hits: found.length, length: Math.max(...found.map((k) => k.length)), order })
    }
  })
  scored.sort((a, b) => b.hits - a.hits || b.length - a.length || a.order - b.order)
  return scored.slice(0, max).map((entry) => entry.category)
}
