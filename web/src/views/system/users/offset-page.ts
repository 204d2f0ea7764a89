// Offset paging over a list API that only takes `limit` and `offset`: ask for one row more
// than the page holds, so we know whether a next page exists without a count.
import type { ListPage } from '@/composables/use-paged-list'

/** The query for page `index` (0-based) of `size` rows, with the one-row look-ahead. */
export function pageQuery(index: number, size: number): { limit: number; offset: number } {
  return { limit: size + 1, offset: index * size }
}

/** The page's rows from an answer to pageQuery. */
export function pageOf<T>(answer: readonly T[], size: number): ListPage<T> {
  return { items: answer.slice(0, size), hasNext: answer.length > size }
}
