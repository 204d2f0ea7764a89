// The server's 422 on a calendar import names each bad cell as "row N.date" (N counts the
// header as line 1) or the whole file as "csv"; this turns them into lines a person can fix.
import type { ApiFieldError } from '@/api/types'

export interface ImportProblem {
  /** The file's line, or null for the file as a whole. */
  row: number | null
  /** date, kind, name, year, source or csv */
  field: string
  /** The i18n key under calendar.import.reason, or null to show the server's message. */
  reasonKey: string | null
  /** The server's own words, for a problem we have no text for. */
  message: string
}

const KNOWN: Record<string, string> = {
  'date:invalid': 'dateInvalid',
  'kind:invalid': 'kindInvalid',
  'year:invalid': 'yearInvalid',
  'csv:missing_column': 'missingColumn',
  'csv:empty': 'empty',
  'csv:malformed': 'malformed',
}

export function importProblem(error: ApiFieldError): ImportProblem {
  const match = /^row (\d+)\.(\w+)$/.exec(error.field)
  const row = match ? Number(match[1]) : null
  const field = match ? (match[2] ?? error.field) : error.field
  return { row, field, reasonKey: KNOWN[`${field}:${error.reason}`] ?? null, message: error.message }
}

/** The problems in file order: the file's own first, then by line. */
export function importProblems(errors: readonly ApiFieldError[]): ImportProblem[] {
  return errors.map(importProblem).sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}

/** Files larger than this are surely not a holiday notice. */
export const MAX_IMPORT_BYTES = 1024 * 1024
