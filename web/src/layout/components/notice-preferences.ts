// The notice settings form: what the user changed, to send only that (the kinds not sent keep
// whatever they were, chosen or default).
import type { NoticeMode, NoticePreference } from '@/api/types'

export function modesOf(preferences: readonly NoticePreference[]): Record<string, NoticeMode> {
  return Object.fromEntries(preferences.map((p) => [p.kind, p.mode]))
}

export function changedModes(preferences: readonly NoticePreference[], edited: Readonly<Record<string, NoticeMode>>): Record<string, NoticeMode> {
  const changed: Record<string, NoticeMode> = {}
  for (const p of preferences) {
    const mode = edited[p.kind]
    if (mode !== undefined && mode !== p.mode) {
      changed[p.kind] = mode
    }
  }
  return changed
}
