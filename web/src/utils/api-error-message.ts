// The text a person reads for a failed request: the translation of the server's stable
// `reason` where we have one, else the server's own message.
import { ApiError } from '@/api/http'

export interface Translator {
  t: (key: string, named?: Record<string, number | string>, plural?: number) => string
  te: (key: string) => boolean
}

/** "15 分钟" / "30 秒" for a Retry-After in seconds. */
export function waitText(seconds: number, { t }: Translator): string {
  if (seconds < 60) {
    return t('wait.seconds', { n: seconds }, seconds)
  }
  const minutes = Math.ceil(seconds / 60)
  return t('wait.minutes', { n: minutes }, minutes)
}

const WAITING_REASONS = new Set(['auth.account_locked', 'auth.too_many_attempts'])

export function apiErrorMessage(error: unknown, tr: Translator): string {
  if (!(error instanceof ApiError)) {
    return tr.t('errors.generic', { message: error instanceof Error ? error.message : String(error) })
  }
  if (WAITING_REASONS.has(error.reason)) {
    return error.retryAfterSeconds
      ? tr.t(`errors.${error.reason}`, { wait: waitText(error.retryAfterSeconds, tr) })
      : tr.t(`errors.${error.reason}_nowait`)
  }
  const key = `errors.${error.reason}`
  if (tr.te(key)) {
    return tr.t(key)
  }
  if (tr.te(`errors.http.${error.status}`)) {
    return tr.t(`errors.http.${error.status}`)
  }
  return tr.t('errors.generic', { message: error.message })
}
