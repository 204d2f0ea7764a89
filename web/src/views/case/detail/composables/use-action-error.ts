// The text for a failed action or supervision request: this feature's own words for the
// workflow's refusals (case.wrong_state, supervision.not_addressee, …), else the app's.
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'
import { useTranslator } from '@/composables/use-translator'
import { refusalKey, type ReasonText } from '../field-errors'

export function useActionError() {
  const { t, te } = useI18n()
  const { errorMessage } = useTranslator()

  function actionErrorMessage(error: unknown): string {
    if (error instanceof ApiError) {
      const key = `caseActions.errors.${refusalKey(error.reason)}`
      if (te(key)) {
        return t(key)
      }
    }
    return errorMessage(error)
  }

  /** A field error's text from its reason ("required", "case.bad_target", …), if we have one. */
  const fieldReasonText: ReasonText = (_field, reason) => {
    const key = `caseActions.serverReason.${refusalKey(reason)}`
    return te(key) ? t(key) : null
  }

  return { actionErrorMessage, fieldReasonText }
}
