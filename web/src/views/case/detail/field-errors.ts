// What the case action dialogs read from a refusal beyond its texts (api/http.ts words them).
import { isApiError } from '@/api/http'

/** The locale key under caseActions.errors for a refusal: "case.wrong_state" → "wrong_state". */
export function refusalKey(reason: string): string {
  return reason.startsWith('case.') ? reason.slice('case.'.length) : reason.replace(/\./g, '_')
}

/**
 * The cap a range error names ("At most 5 working days for this case", "Grant 1 to 5 working
 * days"): the largest number in the server's message for that field, or null. The cap of an
 * extension depends on the case's own limit (at most its original limit, at most 10), which
 * only the server knows.
 */
export function rangeCap(error: unknown, field: string): number | null {
  if (!isApiError(error, null)) {
    return null
  }
  const found = error.fields.find((f) => f.field === field && f.reason === 'out_of_range')
  const numbers = (found?.message.match(/\d+/g) ?? []).map(Number)
  return numbers.length > 0 ? Math.max(...numbers) : null
}
