// Time limits as the server writes them ("15m", "2h" clock time; "4wh" working hours; "5wd"
// working days; "90wm" working minutes when hours do not divide evenly) and as people read
// them ("4 个工作小时"), plus the rule form's model and checks. Pure.
import type { TimeLimitRule, TimeLimitRuleBody } from '@/api/admin-reference'
import { CASE_KINDS, CHANNELS, URGENCIES } from '@/api/case-enums'
import type { CaseKind, Channel, DeadlineStep, Urgency } from '@/api/types'

export type LimitUnit = 'm' | 'h' | 'wm' | 'wh' | 'wd'

/** The units offered in the form, shortest first. */
export const LIMIT_UNITS: readonly LimitUnit[] = ['m', 'h', 'wm', 'wh', 'wd']

export interface TimeLimit {
  amount: number
  unit: LimitUnit
}

// Longest suffix first, so "4wh" is not read as 4w + "h".
const SUFFIXES: readonly LimitUnit[] = ['wd', 'wh', 'wm', 'h', 'm']

export function parseLimit(text: string): TimeLimit | null {
  for (const unit of SUFFIXES) {
    if (!text.endsWith(unit)) {
      continue
    }
    const number = text.slice(0, text.length - unit.length)
    if (!/^\d+$/.test(number)) {
      return null
    }
    const amount = Number(number)
    return amount > 0 ? { amount, unit } : null
  }
  return null
}

export function formatLimit(limit: TimeLimit): string {
  return `${limit.amount}${limit.unit}`
}

/** vue-i18n's t as the pure helpers take it. */
export type Translate = (key: string, named?: Record<string, string | number>) => string

/** "5wd" → "5 个工作日"; text the client cannot read is shown as it came. */
export function limitWords(text: string, t: Translate): string {
  const limit = parseLimit(text)
  return limit ? t(`timeRules.limitText.${limit.unit}`, { n: limit.amount }) : text
}

// The server refuses limits longer than a year of working days (a typo, surely).
const MAX_WORKING_DAYS = 260
const WORKING_MINUTES_PER_DAY = 7 * 60
const CLOCK_MINUTES_PER_DAY = 24 * 60

/** The limit in days as the server measures it for its upper bound. */
function daysOf({ amount, unit }: TimeLimit): number {
  switch (unit) {
    case 'wd':
      return amount
    case 'wh':
      return Math.floor((amount * 60) / WORKING_MINUTES_PER_DAY)
    case 'wm':
      return Math.floor(amount / WORKING_MINUTES_PER_DAY)
    case 'h':
      return Math.floor((amount * 60) / CLOCK_MINUTES_PER_DAY)
    case 'm':
      return Math.floor(amount / CLOCK_MINUTES_PER_DAY)
  }
}

export function limitProblem(amount: number | null | undefined, unit: LimitUnit): 'required' | 'too_long' | null {
  if (amount === null || amount === undefined || !Number.isInteger(amount) || amount <= 0) {
    return 'required'
  }
  return daysOf({ amount, unit }) > MAX_WORKING_DAYS ? 'too_long' : null
}

// ---- the rule form ----

export const ANY = 'any'
export type Any = typeof ANY

/** The steps in the order a case meets them. */
export const STEPS: readonly DeadlineStep[] = [
  'accept',
  'sign',
  'return_decision',
  'contact',
  'answer',
  'extension_decision',
  'review',
  'follow_up',
  'progress_note',
  'instruction',
]

export interface RuleForm {
  urgency: Urgency | Any
  kind: CaseKind | Any
  channel: Channel | Any
  step: DeadlineStep | ''
  amount: number | undefined
  unit: LimitUnit
}

export function emptyRuleForm(): RuleForm {
  return { urgency: ANY, kind: ANY, channel: ANY, step: '', amount: undefined, unit: 'wd' }
}

export function formFromRule(rule: TimeLimitRule): RuleForm {
  const limit = parseLimit(rule.limit)
  return {
    urgency: rule.urgency ?? ANY,
    kind: rule.kind ?? ANY,
    channel: rule.channel ?? ANY,
    step: rule.step,
    amount: limit?.amount,
    unit: limit?.unit ?? 'wd',
  }
}

/** "Any" is left out of the body (the server's table: absent matches any). */
const orAbsent = <T extends string>(value: T | Any): T | undefined => (value === ANY ? undefined : (value as T))

/** The request body; call after validateRuleForm found nothing. */
export function bodyFromForm(form: RuleForm): TimeLimitRuleBody {
  return {
    urgency: orAbsent(form.urgency),
    kind: orAbsent(form.kind),
    channel: orAbsent(form.channel),
    step: form.step as DeadlineStep,
    limit: formatLimit({ amount: form.amount ?? 0, unit: form.unit }),
  }
}

/** The form's problems as i18n keys by field (the server's field names). */
export function validateRuleForm(form: RuleForm): Partial<Record<'step' | 'limit', string>> {
  const problems: Partial<Record<'step' | 'limit', string>> = {}
  if (form.step === '') {
    problems.step = 'timeRules.stepRequired'
  }
  const limit = limitProblem(form.amount, form.unit)
  if (limit) {
    problems.limit = limit === 'required' ? 'timeRules.amountRequired' : 'timeRules.tooLong'
  }
  return problems
}

const indexIn = <T>(list: readonly T[], value: T | null) => (value === null ? list.length : list.indexOf(value))

/** Table order: by step as a case meets them, then the more specific rules under the general. */
export function sortRules(rules: readonly TimeLimitRule[]): TimeLimitRule[] {
  return [...rules].sort(
    (a, b) =>
      indexIn(STEPS, a.step) - indexIn(STEPS, b.step) ||
      indexIn(URGENCIES, a.urgency) - indexIn(URGENCIES, b.urgency) ||
      indexIn(CASE_KINDS, a.kind) - indexIn(CASE_KINDS, b.kind) ||
      indexIn(CHANNELS, a.channel) - indexIn(CHANNELS, b.channel) ||
      a.id - b.id,
  )
}

/** "一般 · 任意 · 直通卡 · 办结答复 · 3 个工作日", for a confirmation. */
export function ruleSummary(rule: TimeLimitRule, t: Translate): string {
  const any = t('timeRules.any')
  return [
    rule.urgency ? t(`urgency.${rule.urgency}`) : any,
    rule.kind ? t(`kind.${rule.kind}`) : any,
    rule.channel ? t(`channel.${rule.channel}`) : any,
    t(`step.${rule.step}`),
    limitWords(rule.limit, t),
  ].join(' · ')
}
