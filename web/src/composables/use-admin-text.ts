// The administration pages' texts: their form problems, request errors and 422 field errors in
// the user's language. The field reasons are the pages' own (locales/features/admin-org.ts,
// org.fieldReasons); the request reasons (org.*, user.*, token.*, direct_card.*) sit with the
// app-wide ones under errors.*.
import { i18n } from '@/i18n'
import type { Problem, Problems } from '@/views/system/org/text-rules'
import { useTranslator } from './use-translator'

export const ADMIN_FIELD_REASONS = 'org.fieldReasons'

export function useAdminText() {
  const { errorMessage, fieldErrors } = useTranslator()
  const { t } = i18n.global
  const problemText = (problem: Problem | undefined): string => (problem ? t(problem.key, problem.named ?? {}) : '')
  return {
    problemText,
    /** The problems found before sending, as texts by field. */
    problemTexts: (problems: Problems): Record<string, string> =>
      Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problemText(problem)])),
    errorText: errorMessage,
    fieldErrors: (error: unknown) => fieldErrors(error, ADMIN_FIELD_REASONS),
  }
}
