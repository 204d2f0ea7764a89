// The subject categories, fetched once per page load: they change only when an admin edits them.
import { shallowRef } from 'vue'
import { listCategories, type Category } from '@/api/categories'

let pending: Promise<Category[]> | null = null

/** The categories, read once per page load and shared by every caller. */
export function loadCategories(): Promise<Category[]> {
  pending ??= listCategories().then(
    (answer) => answer.items,
    (error: unknown) => {
      pending = null // let the next picker try again
      throw error
    },
  )
  return pending
}

export function useCategories() {
  const categories = shallowRef<Category[]>([])
  const loading = shallowRef(true)
  const error = shallowRef<unknown>(null)
  async function reload(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      categories.value = await loadCategories()
    } catch (cause) {
      error.value = cause
    } finally {
      loading.value = false
    }
  }
  void reload()
  return { categories, loading, error, reload }
}
