// One thing a page reads from the server: the value, loading, the error of the last load, and
// only the newest request counts (the answer to an older one, overtaken, is dropped).
import { ref, shallowRef, type Ref } from 'vue'

export interface LoadedOptions<T, A extends unknown[]> {
  /** The value after a failed load; unchanged without. */
  onError?: T
  /** Told of each answer shown (not of one a newer load overtook). */
  onLoad?: (value: T, ...args: A) => void
  /**
   * A failure that means the thing is not there for this user (an older server without the
   * route, a role without the permission): it sets `absent` instead of `error`.
   */
  absentWhen?: (error: unknown) => boolean
}

export function useLoaded<T, A extends unknown[] = []>(
  fetch: (...args: A) => Promise<T>,
  initial: T,
  options: LoadedOptions<T, A> = {},
) {
  const value = shallowRef(initial) as Ref<T>
  const loading = ref(false)
  /** Once a load has succeeded. */
  const loaded = ref(false)
  const error = shallowRef<unknown>(null)
  const absent = ref(false)
  let generation = 0

  /** Resolves false when the load failed or a newer one took its place. */
  async function load(...args: A): Promise<boolean> {
    const mine = ++generation
    loading.value = true
    error.value = null
    absent.value = false
    try {
      const answer = await fetch(...args)
      if (mine !== generation) {
        return false
      }
      value.value = answer
      loaded.value = true
      options.onLoad?.(answer, ...args)
      return true
    } catch (cause) {
      if (mine === generation) {
        absent.value = options.absentWhen?.(cause) ?? false
        error.value = absent.value ? null : cause
        if ('onError' in options) {
          value.value = options.onError as T
        }
      }
      return false
    } finally {
      if (mine === generation) {
        loading.value = false
      }
    }
  }

  return { value, loading, loaded, error, absent, load }
}
