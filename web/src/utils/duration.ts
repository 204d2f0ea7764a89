// Working time left on a deadline, said the way people say it: "剩余 1 个工作日 1 小时",
// "已超期 2 个工作日". The server counts office minutes on the working calendar
// (`workingMinutesLeft`, negative when overdue); a working day is the office hours of one
// day (08:30–11:30 and 13:00–17:00 by default: 420 minutes).

/** The default office minutes of a working day (GET /api/v1/calendar → officeHours.minutesPerDay). */
export const DEFAULT_MINUTES_PER_DAY = 420

/** A translate function: vue-i18n's `t(key, named, plural)`. */
export type Translate = (key: string, named: Record<string, number | string>, plural: number) => string

export interface WorkingSpan {
  days: number
  hours: number
  minutes: number
}

/** Splits a non-negative number of working minutes into working days, hours and minutes. */
export function splitWorkingMinutes(total: number, minutesPerDay = DEFAULT_MINUTES_PER_DAY): WorkingSpan {
  const whole = Math.floor(Math.abs(total))
  const perDay = minutesPerDay > 0 ? minutesPerDay : DEFAULT_MINUTES_PER_DAY
  const days = Math.floor(whole / perDay)
  const rest = whole - days * perDay
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 }
}

/** At most the two largest units: days and hours, hours and minutes, or minutes alone. */
function spanText(span: WorkingSpan, t: Translate): string {
  const unit = (key: 'days' | 'hours' | 'minutes', n: number) => t(`duration.${key}`, { n }, n)
  const pair = (a: string, b: string) => t('duration.pair', { a, b }, 1)
  if (span.days > 0) {
    return span.hours > 0 ? pair(unit('days', span.days), unit('hours', span.hours)) : unit('days', span.days)
  }
  if (span.hours > 0) {
    return span.minutes > 0
      ? pair(unit('hours', span.hours), unit('minutes', span.minutes))
      : unit('hours', span.hours)
  }
  return unit('minutes', span.minutes)
}

/**
 * "剩余 1 个工作日 1 小时" for 480 (with 420 minutes a day), "已超期 2 个工作日" for -840,
 * "已到期" for 0 (less than a minute either way).
 */
export function formatWorkingMinutesLeft(
  minutesLeft: number,
  t: Translate,
  minutesPerDay = DEFAULT_MINUTES_PER_DAY,
): string {
  const span = splitWorkingMinutes(minutesLeft, minutesPerDay)
  if (span.days === 0 && span.hours === 0 && span.minutes === 0) {
    return t('duration.due', {}, 1)
  }
  const text = spanText(span, t)
  return minutesLeft > 0 ? t('duration.left', { span: text }, 1) : t('duration.overdue', { span: text }, 1)
}
