// Joins the core messages and the features': top-level keys side by side, and the keys a
// feature shares with the core (its `errors` reasons) merged, so the one error translator
// (utils/api-error-message.ts) knows every feature's reasons.
type Messages = { [key: string]: string | Messages }

function mergeInto(target: Messages, source: Messages): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (typeof value === 'object' && typeof existing === 'object') {
      const merged: Messages = { ...existing }
      mergeInto(merged, value)
      target[key] = merged
    } else {
      target[key] = value
    }
  }
}

export function mergeMessages<T extends object>(...parts: object[]): T {
  const result: Messages = {}
  for (const part of parts) {
    mergeInto(result, part as Messages)
  }
  return result as T
}
