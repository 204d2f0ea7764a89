import { onBeforeUnmount, ref, type Ref } from 'vue'

/** True while the media query matches, e.g. `useMediaQuery('(max-width: 767px)')`. */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches
  }
  list.addEventListener('change', update)
  onBeforeUnmount(() => list.removeEventListener('change', update))
  return matches
}
