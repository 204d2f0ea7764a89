// A list shown one page at a time: the page's items, loading, the error of the last load,
// and only the newest request counts (a slow answer to an old search is dropped). A list of
// one page is the same with `hasNext` false (onePage below).
import { computed, ref, shallowRef } from 'vue'
import { useLoaded } from './use-loaded'

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
  const pageIndex = ref(0)
  const hasNext = ref(false)
  const hasPrev = computed(() => pageIndex.value > 0)
  const pageNumber = computed(() => pageIndex.value + 1)
  const empty = { items: [], hasNext: false } as unknown as P

  const page = useLoaded(fetch, empty, {
    onLoad: (shown, index) => {
      items.value = shown.items
      hasNext.value = shown.hasNext
      pageIndex.value = index
      options.accept?.(shown, index)
    },
  })
  /** Loads page `index`; resolves false when it failed or a newer load took its place. */
  async function show(index: number): Promise<boolean> {
    const shown = await page.load(index)
    if (!shown && page.error.value !== null && !options.keepOnError) {
      items.value = []
    }
    return shown
  }

  return {
    items,
    loading: page.loading,
    error: page.error,
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
