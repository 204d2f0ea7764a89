// The search of the category tree (utils/category-tree.ts builds it), and the rules a new category's code
// and name follow (the server's: 2 digits at the top, 4 digits under a parent starting with the
// parent's code). Pure.
import type { Category } from '@/api/categories'
import type { CategoryNode } from '@/utils/category-tree'

function matches(category: Category, needle: string): boolean {
  return (
    category.code.startsWith(needle) ||
    category.name.toLowerCase().includes(needle) ||
    category.keywords.some((keyword) => keyword.toLowerCase().includes(needle))
  )
}

/**
 * The tree cut down to what matches the query by code prefix, name or keyword: a matching top
 * level keeps all its subcategories, a matching subcategory keeps its parent.
 */
export function filterTree(tree: readonly CategoryNode[], query: string): CategoryNode[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') {
    return [...tree]
  }
  const result: CategoryNode[] = []
  for (const node of tree) {
    if (matches(node.category, needle)) {
      result.push(node)
      continue
    }
    const children = node.children.filter((child) => matches(child, needle))
    if (children.length > 0) {
      result.push({ category: node.category, children })
    }
  }
  return result
}

export type CodeProblem = 'required' | 'top_format' | 'child_format'

export function codeProblem(code: string, parentCode: string | null): CodeProblem | null {
  if (code.trim() === '') {
    return 'required'
  }
  if (parentCode === null) {
    return /^\d{2}$/.test(code) ? null : 'top_format'
  }
  return /^\d{4}$/.test(code) && code.startsWith(parentCode) ? null : 'child_format'
}

export const MAX_NAME_LENGTH = 40

export function nameProblem(name: string): 'required' | 'too_long' | null {
  const trimmed = name.trim()
  if (trimmed === '') {
    return 'required'
  }
  return [...trimmed].length > MAX_NAME_LENGTH ? 'too_long' : null
}

export const MAX_KEYWORDS = 50
export const MAX_KEYWORD_LENGTH = 20

/** Keywords as stored: trimmed, without blanks or repeats, in the order given. */
export function normalizeKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of keywords) {
    const keyword = raw.trim()
    if (keyword !== '' && !seen.has(keyword)) {
      seen.add(keyword)
      result.push(keyword)
    }
  }
  return result
}

export function keywordsProblem(keywords: readonly string[]): 'too_many' | 'too_long' | null {
  if (keywords.length > MAX_KEYWORDS) {
    return 'too_many'
  }
  return keywords.some((k) => [...k].length > MAX_KEYWORD_LENGTH || k.includes('|')) ? 'too_long' : null
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The next free code: "21" after "01"–"20", "0110" under "01" after "0101"–"0109"; "" when full. */
export function suggestCode(categories: readonly Category[], parentCode: string | null): string {
  const taken = new Set(categories.map((c) => c.code))
  const siblings = categories.filter((c) => (c.parentCode ?? null) === parentCode)
  const last = Math.max(0, ...siblings.map((c) => Number(c.code.slice(-2))).filter(Number.isFinite))
  for (let n = last + 1; n <= 99; n++) {
    const code = `${parentCode ?? ''}${pad2(n)}`
    if (!taken.has(code)) {
      return code
    }
  }
  return ''
}

/** What the category dialog is open for. */
export type CategoryDialogMode = { kind: 'create'; parent: Category | null } | { kind: 'edit'; category: Category }
