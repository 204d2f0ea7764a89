// A row's action that asks first (revoke, remove, deactivate): confirm → act → a toast → what
// the page does next (reload, replace a row). A failure is a toast in the user's words; the
// row's key is `busy` meanwhile, for its button's spinner.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { i18n } from '@/i18n'
import { useTranslator } from './use-translator'

export interface Confirmation {
  title: string
  message: string
  /** The confirm button's text (the action's name). */
  confirm: string
  /** 取消 by default. */
  cancel?: string
}

export interface ConfirmedActionOptions<T, R> {
  /** The question; null to act without asking (activating is harmless). */
  ask: (item: T) => Confirmation | null
  act: (item: T) => Promise<R>
  /** The toast after success. */
  success: (item: T, result: R) => string
  /** After success: reload or put the answer in place. */
  then?: (item: T, result: R) => unknown
  /** The action's own words for a failure, or null for the usual ones. */
  failure?: (error: unknown) => string | null
  key?: (item: T) => number | string
}

export function useConfirmedAction<T, R = unknown>(options: ConfirmedActionOptions<T, R>) {
  const { errorMessage } = useTranslator()
  /** The key of the item being acted on. */
  const busy = ref<number | string | null>(null)

  async function confirmed(item: T): Promise<boolean> {
    const question = options.ask(item)
    if (question === null) {
      return true
    }
    try {
      await ElMessageBox.confirm(question.message, question.title, {
        type: 'warning',
        confirmButtonText: question.confirm,
        cancelButtonText: question.cancel ?? i18n.global.t('common.cancel'),
      })
      return true
    } catch {
      return false
    }
  }

  /** Resolves true when the action was done. */
  async function run(item: T): Promise<boolean> {
    if (!(await confirmed(item))) {
      return false
    }
    busy.value = options.key?.(item) ?? ''
    try {
      const result = await options.act(item)
      ElMessage.success(options.success(item, result))
      await options.then?.(item, result)
      return true
    } catch (error) {
      const message = options.failure?.(error) ?? errorMessage(error)
      ElMessage.error({ message, duration: 6000, showClose: true })
      return false
    } finally {
      busy.value = null
    }
  }

  return { busy, run }
}
