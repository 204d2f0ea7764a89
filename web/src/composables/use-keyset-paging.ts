// Keyset paging for lists that answer {items, nextCursor}: one page shown at a time, with
// the cursors of the pages before kept so that "previous" works.
import { ref } from 'vue'
import type { KeysetPage } from '@/api/types'
import { usePagedList, type ListPage } from './use-paged-list'

export type PageLoader<T> = (cursor: string | undefined) => Promise<KeysetPage<T>>

interface CursorPage<T> extends ListPage<T> {
  nextCursor: string | null
}

export function useKeysetPaging<T>(load: PageLoader<T>) {
  /** cursors[i] is the cursor that loads page i (undefined for the first). */
  const cursors = ref<(string | undefined)[]>([undefined])
  const list = usePagedList<T, CursorPage<T>>(
    async (index) => {
      const page = await load(cursors.value[index])
      const nextCursor = page.nextCursor ?? null
      return { items: page.items, hasNext: nextCursor !== null, nextCursor }
    },
    {
      keepOnError: true,
      accept: (page, index) => {
        cursors.value = cursors.value.slice(0, index + 1)
        if (page.nextCursor) {
          cursors.value.push(page.nextCursor)
        }
      },
    },
  )
  const { items, loading, error, hasNext, hasPrev, pageNumber } = list

  /** Back to the first page (after the filters changed). */
  async function reload(): Promise<void> {
    cursors.value = [undefined]
    await list.reload()
  }

  return {
    items,
    loading,
    error,
    hasNext,
    hasPrev,
    pageNumber,
    reload,
    next: async () => void (await list.next()),
    prev: async () => void (await list.prev()),
    retry: async () => void (await list.retry()),
  }
}
