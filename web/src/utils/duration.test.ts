import { describe, expect, it } from 'vitest'
import { createAppI18n, type AppLocale } from '@/i18n'
import { formatWorkingMinutesLeft, splitWorkingMinutes, type Translate } from './duration'

function translator(locale: AppLocale): Translate {
  const { t } = createAppI18n(locale).global
  return (key, named, plural) => t(key, named, plural)
}

describe('splitWorkingMinutes', () => {
  it.each([
    [0, 420, { days: 0, hours: 0, minutes: 0 }],
    [59, 420, { days: 0, hours: 0, minutes: 59 }],
    [420, 420, { days: 1, hours: 0, minutes: 0 }],
    [480, 420, { days: 1, hours: 1, minutes: 0 }],
    [-614, 420, { days: 1, hours: 3, minutes: 14 }],
    [480, 480, { days: 1, hours: 0, minutes: 0 }],
    [90.7, 420, { days: 0, hours: 1, minutes: 30 }],
  ])('%d minutes at %d a day', (total, perDay, expected) => {
    expect(splitWorkingMinutes(total, perDay)).toEqual(expected)
  })
})

describe('formatWorkingMinutesLeft in Chinese', () => {
  const t = translator('zh-CN')
  it.each([
    [480, '剩余 1 个工作日 1 小时'],
    [420, '剩余 1 个工作日'],
    [840, '剩余 2 个工作日'],
    [2100, '剩余 5 个工作日'],
    [440, '剩余 1 个工作日'],
    [200, '剩余 3 小时 20 分钟'],
    [180, '剩余 3 小时'],
    [45, '剩余 45 分钟'],
    [1, '剩余 1 分钟'],
    [0, '已到期'],
    [-1, '已超期 1 分钟'],
    [-90, '已超期 1 小时 30 分钟'],
    [-614, '已超期 1 个工作日 3 小时'],
    [-840, '已超期 2 个工作日'],
    [-2880, '已超期 6 个工作日 6 小时'],
  ])('%d → %s', (minutes, expected) => {
    expect(formatWorkingMinutesLeft(minutes, t)).toBe(expected)
  })

  it('uses the given length of a working day', () => {
    expect(formatWorkingMinutesLeft(480, t, 480)).toBe('剩余 1 个工作日')
  })
})

describe('formatWorkingMinutesLeft in English', () => {
  const t = translator('en')
  it.each([
    [480, '1 working day 1 hour left'],
    [840, '2 working days left'],
    [200, '3 hours 20 minutes left'],
    [1, '1 minute left'],
    [0, 'due now'],
    [-60, 'overdue by 1 hour'],
    [-840, 'overdue by 2 working days'],
    [-2880, 'overdue by 6 working days 6 hours'],
  ])('%d → %s', (minutes, expected) => {
    expect(formatWorkingMinutesLeft(minutes, t)).toBe(expected)
  })
})
