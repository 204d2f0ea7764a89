import { useI18n } from 'vue-i18n'
import type { Translate } from '@/utils/duration'
import { apiErrorMessage, type Translator } from '@/utils/api-error-message'
import { DEFAULT_MINUTES_PER_DAY, formatWorkingMinutesLeft } from '@/utils/duration'

/** The page's translator in the shape the pure utils take. */
export function useTranslator() {
  const { t, te } = useI18n()
  const translator: Translator = {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
  }
  const translate: Translate = (key, named, plural) => t(key, named, plural)
  return {
    errorMessage: (error: unknown) => apiErrorMessage(error, translator),
    timeLeft: (minutes: number, minutesPerDay = DEFAULT_MINUTES_PER_DAY) =>
      formatWorkingMinutesLeft(minutes, translate, minutesPerDay),
  }
}
