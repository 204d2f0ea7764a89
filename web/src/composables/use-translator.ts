// The app's translator in the shape the pure helpers take, and the texts of a failed request
// (api/http.ts words them). It reads the app's i18n instance, the one useI18n() gives a page,
// so that composables and their unit tests need no component around them.
import { i18n } from '@/i18n'
import { dialogErrors, errorText, fieldErrorTexts, type FieldReasons, type Translator } from '@/api/http'
import type { Translate } from '@/utils/duration'
import { DEFAULT_MINUTES_PER_DAY, formatWorkingMinutesLeft } from '@/utils/duration'

export function appTranslator(): Translator {
  const { t, te } = i18n.global
  return {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
  }
}

export function useTranslator() {
  const translator = appTranslator()
  const translate: Translate = (key, named, plural) => translator.t(key, named, plural)
  return {
    translator,
    errorMessage: (error: unknown) => errorText(error, translator),
    fieldErrors: (error: unknown, reasons?: FieldReasons) => fieldErrorTexts(error, translator, reasons),
    dialogErrors: (error: unknown, shown: readonly string[], reasons?: FieldReasons, aliases?: Record<string, string>) =>
      dialogErrors(error, shown, translator, reasons, aliases),
    timeLeft: (minutes: number, minutesPerDay = DEFAULT_MINUTES_PER_DAY) =>
      formatWorkingMinutesLeft(minutes, translate, minutesPerDay),
  }
}
