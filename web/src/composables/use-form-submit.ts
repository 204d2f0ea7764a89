// One submit of a form or dialog: the problems found before sending, the request sent once at
// a time (`saving`), then its field errors under their fields and a sentence above the form.
// A page writes the success path only; the words of a failure come from api/http.ts.
import { ref } from 'vue'
import type { FieldReasons } from '@/api/http'
import { useTranslator } from './use-translator'

/** What a form says for a failure it knows better than the generic words (a duplicate…). */
export interface Explained {
  fields?: Record<string, string>
  message?: string
}

export interface FormSubmitOptions<T> {
  /**
   * The problems found before sending: texts by field (any stops the submit), or a boolean,
   * false to stop, for a form that shows its own problems live as they are typed.
   */
  check?: () => Record<string, string> | boolean
  /** The request; null when there is nothing to send (the dialog is closing). */
  send: () => Promise<T> | null
  /** After the answer: close the dialog, tell the page (a failure here shows as the request's). */
  done?: (result: T) => unknown
  /** How the form words a 422's field reasons (org.fieldReasons); else the server's words. */
  fieldReasons?: FieldReasons
  /** The form's own words for a failure, or null for the usual ones. */
  explain?: (error: unknown) => Explained | null
}

export function useFormSubmit<T>(options: FormSubmitOptions<T>) {
  const { errorMessage, fieldErrors } = useTranslator()
  const saving = ref(false)
  /** Field → text: ours before sending, the server's after. */
  const errors = ref<Record<string, string>>({})
  /** The sentence above the form. */
  const formError = ref('')

  function clear(): void {
    errors.value = {}
    formError.value = ''
  }

  /** Resolves true when the request succeeded. */
  async function submit(): Promise<boolean> {
    if (saving.value) {
      return false
    }
    clear()
    const problems = options.check?.() ?? true
    if (problems === false) {
      return false
    }
    if (problems !== true && Object.keys(problems).length > 0) {
      errors.value = problems
      return false
    }
    const request = options.send()
    if (request === null) {
      return false
    }
    saving.value = true
    try {
      const result = await request
      await options.done?.(result)
      return true
    } catch (error) {
      const explained = options.explain?.(error)
      errors.value = explained ? (explained.fields ?? {}) : fieldErrors(error, options.fieldReasons)
      formError.value = explained ? (explained.message ?? '') : errorMessage(error)
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, errors, formError, submit, clear }
}

export type FormSubmit = ReturnType<typeof useFormSubmit>
