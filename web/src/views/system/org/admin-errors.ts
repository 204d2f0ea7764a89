// The Chinese text of the administration APIs' errors. The core messages (zh-CN.ts) know the
// app-wide reasons; the org, user, token and direct-card reasons and the field reasons are the
// administration pages' own (locales/features/admin-org.ts, under org.reasons and
// org.fieldReasons), so they are looked up there first.
import { ApiError } from '@/api/http'
import { apiErrorMessage, type Translator } from '@/utils/api-error-message'

const REASONS = 'org.reasons'
const FIELD_REASONS = 'org.fieldReasons'

/** The sentence for a failed request. */
export function adminErrorMessage(error: unknown, tr: Translator): string {
  if (error instanceof ApiError && tr.te(`${REASONS}.${error.reason}`)) {
    return tr.t(`${REASONS}.${error.reason}`)
  }
  return apiErrorMessage(error, tr)
}

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

/** True when the server has no such route yet (a feature not deployed on this server). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.reason === 'route.not_found'
}
