// A list shown one page at a time: the page's items, loading, the error of the last load,
// and only the newest request counts (a slow answer to an old search is dropped). A list of
// one page is the same with `hasNext` false (onePage below).
import { computed, ref, shallowRef } from 'vue'

export interface ListPage<T> {
  items: T[]
  hasNext: boolean
}

export type PageFetch<T, P extends ListPage<T> = ListPage<T>> = (index: number) => Promise<P>

export interface PagedListOptions<P> {
  /** Keep the items on screen when a load fails (a pager); else empty them (a filtered list). */
  keepOnError?: boolean
  /** Called with the page shown (not with one a newer load replaced): a keyset's cursors. */
  accept?: (page: P, index: number) => void
}

export function usePagedList<T, P extends ListPage<T> = ListPage<T>>(
  fetch: PageFetch<T, P>,
  options: PagedListOptions<P> = {},
) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const pageIndex = ref(0)
  const hasNext = ref(false)
  let generation = 0

  const hasPrev = computed(() => pageIndex.value > 0)
  const pageNumber = computed(() => pageIndex.value + 1)

  /** Loads page `index`; resolves false when it failed or a newer load took its place. */
  async function show(index: number): Promise<boolean> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const page = await fetch(index)
      if (mine !== generation) {
        return false
      }
      items.value = page.items
      hasNext.value = page.hasNext
      pageIndex.value = index
      options.accept?.(page, index)
      return true
    } catch (cause) {
      if (mine === generation) {
        error.value = cause
        if (!options.keepOnError) {
          items.value = []
        }
      }
      return false
    } finally {
      if (mine === generation) {
        loading.value = false
      }
    }
  }

  return {
    items,
    loading,
    error,
    pageIndex,
    hasNext,
    hasPrev,
    pageNumber,
    show,
    /** The first page (a new search). */
    reload: () => show(0),
    next: () => (hasNext.value ? show(pageIndex.value + 1) : Promise.resolve(false)),
    prev: () => (hasPrev.value ? show(pageIndex.value - 1) : Promise.resolve(false)),
    /** The page on screen again (after an error). */
    retry: () => show(pageIndex.value),
  }
}

/** A list the server answers whole, as one page. */
export function onePage<T>(fetch: () => Promise<{ items: T[] }>): PageFetch<T> {
  return async () => ({ items: (await fetch()).items, hasNext: false })
}
