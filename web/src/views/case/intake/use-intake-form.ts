// One fill of an intake form: the model, its field errors (ours before sending, the server's 422
// after), sending it once however often it is submitted, then the photos.
import { computed, nextTick, reactive, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { uploadAttachment } from '@/api/cases'
import { createCase, type CaseCreateRequest, type CreatedCase, type StaffChannel } from '@/api/intake'
import { isApiError } from '@/api/http'
import { useTranslator } from '@/composables/use-translator'
import { caseBody, emptyCase, problemMessage, validateCase, type FieldProblem } from './intake-form'

/** A fresh key per fill: every retry of this fill is the same request to the server. */
function newKey(): string {
  return crypto.randomUUID()
}

export function useIntakeForm(channel: StaffChannel, prefill: (form: CaseCreateRequest) => void = () => {}) {
  const { t } = useI18n()
  const { errorMessage } = useTranslator()

  const form = reactive<CaseCreateRequest>(emptyCase(channel))
  prefill(form)
  const photos = ref<File[]>([])
  const errors = ref<Record<string, string>>({})
  const failure = shallowRef<unknown>(null)
  const submitting = ref(false)
  const uploaded = ref(0)
  const created = shallowRef<CreatedCase | null>(null)
  const failedPhotos = ref<string[]>([])
  let key = newKey()

  function show(problems: readonly FieldProblem[]): void {
    const next: Record<string, string> = {}
    for (const problem of problems) {
      const { key: messageKey, named } = problemMessage(problem)
      next[problem.field] ??= t(messageKey, named)
    }
    errors.value = next
  }

  /** The text of a failure that is not about one field. */
  const failureText = computed(() => {
    const error = failure.value
    if (error === null) {
      return ''
    }
    return errorMessage(error)
  })

  async function focusFirstError(): Promise<void> {
    await nextTick()
    const item = document.querySelector<HTMLElement>('.intake-form .is-error')
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    item?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true })
  }

  async function uploadPhotos(caseId: number): Promise<void> {
    uploaded.value = 0
    const failed: string[] = []
    for (const photo of photos.value) {
      try {
        await uploadAttachment(caseId, photo)
      } catch {
        failed.push(photo.name)
      }
      uploaded.value += 1
    }
    failedPhotos.value = failed
  }

  async function submit(): Promise<void> {
    if (submitting.value) {
      return
    }
    failure.value = null
    const problems = validateCase(form)
    show(problems)
    if (problems.length > 0) {
      await focusFirstError()
      return
    }
    submitting.value = true
    try {
      const detail = await createCase(caseBody(form), key)
      await uploadPhotos(detail.id)
      created.value = detail
    } catch (error) {
      if (isApiError(error, 422)) {
        show(error.fields.map((field) => ({ field: field.field, reason: field.reason })))
        await focusFirstError()
      }
      failure.value = error
    } finally {
      submitting.value = false
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
    errors.value = {}
    failure.value = null
    created.value = null
    failedPhotos.value = []
    key = newKey()
  }

  return { form, photos, errors, failure, failureText, submitting, uploaded, created, failedPhotos, submit, touched, again }
}

export type IntakeForm = ReturnType<typeof useIntakeForm>
