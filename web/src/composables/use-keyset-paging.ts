// Keyset paging for lists that answer {items, nextCursor}: one page shown at a time, with
// the cursors of the pages before kept so that "previous" works.
import { computed, ref, shallowRef } from 'vue'
import type { KeysetPage } from '@/api/types'

export type PageLoader<T> = (cursor: string | undefined) => Promise<KeysetPage<T>>

export function useKeysetPaging<T>(load: PageLoader<T>) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  /** cursors[i] is the cursor that loads page i (undefined for the first). */
  const cursors = ref<(string | undefined)[]>([undefined])
  const pageIndex = ref(0)
  const nextCursor = ref<string | null>(null)
  let generation = 0

  const hasNext = computed(() => nextCursor.value !== null)
  const hasPrev = computed(() => pageIndex.value > 0)
  const pageNumber = computed(() => pageIndex.value + 1)

  async function show(index: number): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const page = await load(cursors.value[index])
      if (mine !== generation) {
        return
      }
      items.value = page.items
      nextCursor.value = page.nextCursor ?? null
      pageIndex.value = index
      cursors.value = cursors.value.slice(0, index + 1)
      if (page.nextCursor) {
        cursors.value.push(page.nextCursor)
      }
    } catch (cause) {
      if (mine === generation) {
        error.value = cause
      }
    } finally {
      if (mine === generation) {
        loading.value = false
      }
    }
  }

  /** Back to the first page (after the filters changed). */
  function reload(): Promise<void> {
    cursors.value = [undefined]
    return show(0)
  }

  function next(): Promise<void> {
    return hasNext.value ? show(pageIndex.value + 1) : Promise.resolve()
  }

  function prev(): Promise<void> {
    return hasPrev.value ? show(pageIndex.value - 1) : Promise.resolve()
  }

  /** The page on screen again (after an error). */
  function retry(): Promise<void> {
    return show(pageIndex.value)
  }

  return { items, loading, error, hasNext, hasPrev, pageNumber, reload, next, prev, retry }
}
