// The texts for a failed action or supervision request: the refusals (case.wrong_state,
// supervision.not_addressee, …) are under errors.* like every reason (this feature's locale
// module adds them), and the field reasons of the action dialogs are the feature's own.
import type { ApiFieldError } from '@/api/types'
import { useTranslator } from '@/composables/use-translator'
import { refusalKey } from '../field-errors'

export function useActionError() {
  const { errorMessage, dialogErrors, translator } = useTranslator()

  /** A field error's text from its reason ("required", "case.bad_target", …), if we have one. */
  const fieldReasonText = (field: ApiFieldError): string | null => {
    const key = `caseActions.serverReason.${refusalKey(field.reason)}`
    return translator.te(key) ? translator.t(key) : null
  }

  return {
    actionErrorMessage: errorMessage,
    /** How the action dialogs word a field reason (for useFormSubmit's fieldReasons). */
    actionFieldReason: fieldReasonText,
    /** The 422's field errors split between the dialog's fields and the rest. */
    actionFieldErrors: (error: unknown, shown: readonly string[], aliases?: Record<string, string>) =>
      dialogErrors(error, shown, fieldReasonText, aliases),
  }
}
