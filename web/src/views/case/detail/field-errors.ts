// The server's field errors of a 422 on a dialog: each under the form item of its field, in
// Chinese from its stable reason where we have a text, else the server's own message; fields
// the dialog does not show are listed at the top so nothing the server said is lost.
import { ApiError } from '@/api/http'

export interface DialogErrors {
  /** Field name → text, for the fields on the dialog. */
  byField: Record<string, string>
  /** Texts of the fields the dialog does not show ("field: text"). */
  other: string[]
}

export type ReasonText = (field: string, reason: string) => string | null

/**
 * Splits an error's fields between the dialog's own (`shown`) and the rest. Aliases map the
 * server's field name to the dialog's (the follow-up dialog shows satisfaction as one group).
 */
export function dialogErrors(error: unknown, shown: readonly string[], reasonText: ReasonText, aliases: Record<string, string> = {}): DialogErrors {
  const result: DialogErrors = { byField: {}, other: [] }
  if (!(error instanceof ApiError)) {
    return result
  }
  for (const field of error.fields) {
    const name = aliases[field.field] ?? field.field
    const text = reasonText(field.field, field.reason) ?? field.message
    if (shown.includes(name)) {
      result.byField[name] ??= text
    } else {
      result.other.push(`${field.field}: ${text}`)
    }
  }
  return result
}

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
  if (!(error instanceof ApiError)) {
    return null
  }
  const found = error.fields.find((f) => f.field === field && f.reason === 'out_of_range')
  const numbers = (found?.message.match(/\d+/g) ?? []).map(Number)
  return numbers.length > 0 ? Math.max(...numbers) : null
}
