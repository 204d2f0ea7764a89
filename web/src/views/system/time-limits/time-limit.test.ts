import { describe, expect, it } from 'vitest'
import type { TimeLimitRule } from '@/api/admin-reference'
import {
  bodyFromForm,
  emptyRuleForm,
  formFromRule,
  formatLimit,
  limitProblem,
  limitWords,
  parseLimit,
  ruleSummary,
  sortRules,
  validateRuleForm,
  type Translate,
} from './time-limit'

// A stand-in for vue-i18n with the Chinese texts the page uses.
const TEXTS: Record<string, string> = {
  'timeRules.limitText.m': '{n} 分钟',
  'timeRules.limitText.h': '{n} 小时',
  'timeRules.limitText.wm': '{n} 个工作分钟',
  'timeRules.limitText.wh': '{n} 个工作小时',
  'timeRules.limitText.wd': '{n} 个工作日',
  'timeRules.any': '任意',
  'urgency.normal': '一般',
  'channel.direct_card': '直通卡',
  'step.answer': '办结答复',
}
const t: Translate = (key, named = {}) =>
  (TEXTS[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(named[name] ?? ''))

function rule(partial: Partial<TimeLimitRule>): TimeLimitRule {
  return { id: 1, urgency: null, kind: null, channel: null, step: 'answer', limit: '5wd', ...partial }
}

describe('parseLimit and formatLimit', () => {
  it.each([
    ['15m', { amount: 15, unit: 'm' }],
    ['2h', { amount: 2, unit: 'h' }],
    ['4wh', { amount: 4, unit: 'wh' }],
    ['90wm', { amount: 90, unit: 'wm' }],
    ['5wd', { amount: 5, unit: 'wd' }],
    ['720h', { amount: 720, unit: 'h' }],
  ])('%s', (text, limit) => {
    expect(parseLimit(text)).toEqual(limit)
    expect(formatLimit(parseLimit(text)!)).toBe(text)
  })

  it.each(['', '5', 'wd', '0wd', '-1wd', '1.5h', '5 wd', '5d', '5w'])('refuses %j', (text) => {
    expect(parseLimit(text)).toBeNull()
  })
})

describe('limitWords', () => {
  it.each([
    ['15m', '15 分钟'],
    ['2h', '2 小时'],
    ['4wh', '4 个工作小时'],
    ['5wd', '5 个工作日'],
  ])('%s → %s', (text, words) => {
    expect(limitWords(text, t)).toBe(words)
  })

  it('shows what it cannot read as it came', () => {
    expect(limitWords('3fortnights', t)).toBe('3fortnights')
  })
})

describe('limitProblem', () => {
  it('needs a positive whole amount', () => {
    expect(limitProblem(undefined, 'wd')).toBe('required')
    expect(limitProblem(0, 'wd')).toBe('required')
    expect(limitProblem(1.5, 'h')).toBe('required')
    expect(limitProblem(1, 'm')).toBeNull()
  })

  it('stops at 260 working days as the server does', () => {
    expect(limitProblem(260, 'wd')).toBeNull()
    expect(limitProblem(261, 'wd')).toBe('too_long')
    expect(limitProblem(260 * 7, 'wh')).toBeNull()
    expect(limitProblem(261 * 7, 'wh')).toBe('too_long')
    expect(limitProblem(720, 'h')).toBeNull()
    expect(limitProblem(261 * 24, 'h')).toBe('too_long')
  })
})

describe('the rule form', () => {
  it('leaves "any" out and turns the amount and unit into a limit', () => {
    const form = { ...emptyRuleForm(), urgency: 'normal' as const, step: 'answer' as const, amount: 3, unit: 'wd' as const }
    expect(bodyFromForm(form)).toStrictEqual({ urgency: 'normal', kind: undefined, channel: undefined, step: 'answer', limit: '3wd' })
  })

  it('round-trips a rule', () => {
    const saved = rule({ urgency: 'critical', channel: 'direct_card', limit: '1wd' })
    const { id, kind, ...body } = saved
    expect(id).toBe(1)
    expect(kind).toBeNull()
    expect(bodyFromForm(formFromRule(saved))).toEqual({ ...body, kind: undefined })
  })

  it('asks for a step and an amount', () => {
    expect(validateRuleForm(emptyRuleForm())).toEqual({
      step: 'timeRules.stepRequired',
      limit: 'timeRules.amountRequired',
    })
    expect(validateRuleForm({ ...emptyRuleForm(), step: 'sign', amount: 4, unit: 'wh' })).toEqual({})
  })
})

describe('sortRules', () => {
  it('orders by step, then the urgent and specific rules before the general', () => {
    const sorted = sortRules([
      rule({ id: 1, step: 'answer', urgency: 'normal' }),
      rule({ id: 2, step: 'accept' }),
      rule({ id: 3, step: 'answer', urgency: 'normal', kind: 'question' }),
      rule({ id: 4, step: 'accept', urgency: 'critical' }),
      rule({ id: 5, step: 'answer', channel: 'direct_card' }),
    ])
    expect(sorted.map((r) => r.id)).toEqual([4, 2, 3, 1, 5])
  })
})

describe('ruleSummary', () => {
  it('names every column, null as 任意', () => {
    expect(ruleSummary(rule({ urgency: 'normal', channel: 'direct_card', limit: '3wd' }), t)).toBe(
      '一般 · 任意 · 直通卡 · 办结答复 · 3 个工作日',
    )
  })
})
