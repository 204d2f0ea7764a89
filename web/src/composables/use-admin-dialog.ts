// The submit of an administration dialog (a unit, a user, a token, a direct card): the form's
// problems in the admin pages' words, the server's field reasons as theirs, the dialog closed
// on success, and the form reset each time it opens.
import { watch, type Ref } from 'vue'
import type { Problems } from '@/views/system/org/text-rules'
import { ADMIN_FIELD_REASONS, useAdminText } from './use-admin-text'
import { useFormSubmit } from './use-form-submit'

export interface AdminDialogOptions<T> {
  /** The form as the dialog opens. */
  reset: () => void
  check: () => Problems
  send: () => Promise<T> | null
  done: (result: T) => unknown
}

export function useAdminDialog<T>(open: Ref<boolean>, options: AdminDialogOptions<T>) {
  const { problemTexts } = useAdminText()
  const submitter = useFormSubmit({
    check: () => problemTexts(options.check()),
    send: options.send,
    done: async (result) => {
      await options.done(result)
      open.value = false
    },
    fieldReasons: ADMIN_FIELD_REASONS,
  })
  watch(open, (isOpen) => {
    if (isOpen) {
      options.reset()
      submitter.clear()
    }
  })
  return submitter
}
