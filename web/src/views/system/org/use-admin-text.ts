// The administration pages' translator: form problems, request errors and 422 field errors
// in the user's language.
import { useI18n } from 'vue-i18n'
import { apiErrorMessage, type Translator } from '@/utils/api-error-message'
import { fieldErrorTexts } from './admin-errors'
import type { Problem, Problems } from './text-rules'

export function useAdminText() {
  const { t, te } = useI18n()
  const translator: Translator = {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
  }
  const problemText = (problem: Problem | undefined): string => (problem ? t(problem.key, problem.named ?? {}) : '')
  return {
    problemText,
    /** The problems found before sending, as texts by field. */
    problemTexts: (problems: Problems): Record<string, string> =>
      Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problemText(problem)])),
    errorText: (error: unknown) => apiErrorMessage(error, translator),
    fieldErrors: (error: unknown) => fieldErrorTexts(error, translator),
  }
}
