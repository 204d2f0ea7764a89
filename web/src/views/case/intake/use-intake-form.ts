// One fill of an intake form: the model, its field errors (ours before sending, the server's 422
// after), sending it once however often it is submitted, then the photos.
import { nextTick, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { uploadAttachment } from '@/api/cases'
import { createCase, type CreatedCase, type StaffChannel } from '@/api/intake'
import { useFormSubmit } from '@/composables/use-form-submit'
import { caseBody, emptyCase, problemMessage, validateCase, type CaseForm, type FieldProblem } from './intake-form'

/** A fresh key per fill: every retry of this fill is the same request to the server. */
function newKey(): string {
  return crypto.randomUUID()
}

export function useIntakeForm(channel: StaffChannel, prefill: (form: CaseForm) => void = () => {}) {
  const { t } = useI18n()

  const form = reactive<CaseForm>(emptyCase(channel))
  prefill(form)
  const photos = ref<File[]>([])
  const uploaded = ref(0)
  const created = shallowRef<CreatedCase | null>(null)
  const failedPhotos = ref<string[]>([])
  let key = newKey()

  /** A problem's words, ours and the server's alike (intake-form.ts problemMessage). */
  const problemText = (problem: FieldProblem): string => {
    const { key: messageKey, named } = problemMessage(problem)
    return t(messageKey, named)
  }

  function texts(problems: readonly FieldProblem[]): Record<string, string> {
    const next: Record<string, string> = {}
    for (const problem of problems) {
      next[problem.field] ??= problemText(problem)
    }
    return next
  }

  async function focusFirstError(): Promise<void> {
    await nextTick()
    const item = document.querySelector<HTMLElement>('.intake-form .is-error')
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    item?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true })
  }

  /** Uploads the photos to the new case; one that fails is named, the case stands. */
  async function uploadPhotos(caseId: number): Promise<void> {
    uploaded.value = 0
    const failed: string[] = []
    for (const photo of photos.value) {
      await uploadAttachment(caseId, photo).catch(() => failed.push(photo.name))
      uploaded.value += 1
    }
    failedPhotos.value = failed
  }

  async function record(): Promise<CreatedCase> {
    const detail = await createCase(caseBody(form), key)
    await uploadPhotos(detail.id)
    return detail
  }

  const sending = useFormSubmit({
    check: () => texts(validateCase(form)),
    send: record,
    done: (detail) => (created.value = detail),
    fieldReasons: (field) => problemText({ field: field.field, reason: field.reason }),
  })
  const { saving: submitting, errors, formError: failureText } = sending

  async function submit(): Promise<void> {
    if (!(await sending.submit()) && Object.keys(errors.value).length > 0) {
      await focusFirstError()
    }
  }

  /** Clears a field's error once it is edited. */
  function touched(field: string): void {
    if (errors.value[field]) {
      const next = { ...errors.value }
      delete next[field]
      errors.value = next
    }
  }

  /** 再登记一件: an empty form and a new key. */
  function again(): void {
    Object.assign(form, emptyCase(channel))
    prefill(form)
    photos.value = []
    sending.clear()
    created.value = null
    failedPhotos.value = []
    key = newKey()
  }

  return { form, photos, errors, failureText, submitting, uploaded, created, failedPhotos, submit, touched, again }
}

export type IntakeForm = ReturnType<typeof useIntakeForm>
