// The subject categories, fetched once per page load: they change only when an admin edits them.
import { useLoaded } from './use-loaded'
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
  const { value: categories, loading, error, load: reload } = useLoaded(loadCategories, [] as Category[])
  void reload()
  return { categories, loading, error, reload }
}
