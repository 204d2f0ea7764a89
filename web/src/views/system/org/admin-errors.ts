// The administration forms' field errors: the field reasons are the pages' own
// (locales/features/admin-org.ts, org.fieldReasons); the request reasons (org.*, user.*, token.*,
// direct_card.*) sit with the app-wide ones under errors.*, read by utils/api-error-message.ts.
import { ApiError } from '@/api/http'
import type { Translator } from '@/utils/api-error-message'

const FIELD_REASONS = 'org.fieldReasons'

/**
 * The server's 422 field errors, one text per field as the form names it (`handlers[0].name`
 * stays as it is), in Chinese when we know the reason, else the server's own words.
 */
export function fieldErrorTexts(error: unknown, tr: Translator): Record<string, string> {
  const texts: Record<string, string> = {}
  if (!(error instanceof ApiError)) {
    return texts
  }
  for (const field of error.fields) {
    if (field.field in texts) {
      continue
    }
    const key = `${FIELD_REASONS}.${field.reason}`
    texts[field.field] = tr.te(key) ? tr.t(key) : field.message
  }
  return texts
}
