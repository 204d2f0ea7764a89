// What the case action dialogs read from a refusal beyond its texts (api/http.ts words them).
import type { ApiFieldError } from '@/api/types'

/** The locale key under caseActions.errors for a refusal: "case.wrong_state" → "wrong_state". */
export function refusalKey(reason: string): string {
  return reason.startsWith('case.') ? reason.slice('case.'.length) : reason.replace(/\./g, '_')
}

/**
 * The cap a range error names ("At most 5 working days for this case", "Grant 1 to 5 working
 * days"): the largest number in the server's message, or null. The cap of an extension
 * depends on the case's own limit (at most its original limit, at most the form's maximum),
 * which only the server knows.
 */
export function rangeCap(field: ApiFieldError): number | null {
  if (field.reason !== 'out_of_range') {
    return null
  }
  const numbers = (field.message.match(/\d+/g) ?? []).map(Number)
  return numbers.length > 0 ? Math.max(...numbers) : null
}
