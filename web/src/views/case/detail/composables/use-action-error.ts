// The texts for a failed action or supervision request: the refusals (case.wrong_state,
// supervision.not_addressee, …) are under errors.* like every reason (this feature's locale
// module adds them), and the field reasons of the action dialogs are the feature's own.
import { useI18n } from 'vue-i18n'
import { useTranslator } from '@/composables/use-translator'
import { refusalKey, type ReasonText } from '../field-errors'

export function useActionError() {
  const { t, te } = useI18n()
  const { errorMessage } = useTranslator()

  /** A field error's text from its reason ("required", "case.bad_target", …), if we have one. */
  const fieldReasonText: ReasonText = (_field, reason) => {
    const key = `caseActions.serverReason.${refusalKey(reason)}`
    return te(key) ? t(key) : null
  }

  return { actionErrorMessage: errorMessage, fieldReasonText }
}
