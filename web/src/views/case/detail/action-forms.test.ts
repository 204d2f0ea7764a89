import { describe, expect, it } from 'vitest'
import { actionBody, checkForm, cityToday, emptyForm, fieldShown, orderedActions, type ActionForm } from './action-forms'

const TODAY = '2026-11-28'
const form = (patch: Partial<ActionForm> = {}): ActionForm => ({ ...emptyForm(), ...patch })

describe('orderedActions', () => {
  it('keeps only known actions, in button order', () => {
    expect(orderedActions(['decline', 'bogus', 'accept', 'merge'])).toEqual(['accept', 'merge', 'decline'])
  })
})

describe('checkForm', () => {
  it.each([
    ['decline', ['reason', 'legalBasis']],
    ['request_return', ['reason', 'legalBasis']],
    ['refuse_return', ['reason']],
    ['contact_reporter', ['note']],
    ['instruct', ['note']],
    ['return_for_rework', ['reason']],
    ['reopen', ['reason']],
    ['withdraw', ['reason']],
    ['supervise', ['note']],
    ['assist', ['note']],
    ['dispatch', ['targetId']],
    ['handover', ['targetId']],
    ['request_extension', ['reason', 'extensionDays']],
    ['answer', ['answerText', 'result']],
    ['merge', ['masterCaseId']],
    ['commit_long_term', ['reason', 'committedDate']],
  ] as const)('%s requires %j', (action, fields) => {
    expect(Object.keys(checkForm(action, form(), TODAY)).sort()).toEqual([...fields].sort())
  })

  it('treats white space as missing text, as the server does', () => {
    expect(checkForm('reopen', form({ reason: '  \n ' }), TODAY)).toEqual({ reason: 'required' })
    expect(checkForm('reopen', form({ reason: ' 未解决 ' }), TODAY)).toEqual({})
  })

  it('lets an escalation go without a target (the district leader is the default)', () => {
    expect(checkForm('escalate', form(), TODAY)).toEqual({})
  })

  it('asks for a legal basis only when the answer is that it cannot be done', () => {
    const answered = form({ answerText: '已处理', result: 'solved' })
    expect(checkForm('answer', answered, TODAY)).toEqual({})
    expect(checkForm('answer', { ...answered, result: 'cannot_be_done' }, TODAY)).toEqual({ legalBasis: 'required' })
    expect(fieldShown('answer', 'legalBasis', { ...answered, result: 'cannot_be_done' })).toBe(true)
    expect(fieldShown('answer', 'legalBasis', answered)).toBe(false)
  })

  it('keeps an extension within 1 to 10 working days', () => {
    const asked = (extensionDays: number) => checkForm('request_extension', form({ reason: '需协调', extensionDays }), TODAY)
    expect(asked(1)).toEqual({})
    expect(asked(10)).toEqual({})
    expect(asked(11)).toEqual({ extensionDays: 'out_of_range' })
    expect(asked(-2)).toEqual({ extensionDays: 'out_of_range' })
  })

  it('wants a committed date after today and within the long-term limit', () => {
    const committed = (committedDate: string) => checkForm('commit_long_term', form({ reason: '需立项', committedDate }), TODAY)
    expect(committed('2026-11-28')).toEqual({ committedDate: 'out_of_range' })
    expect(committed('2026-11-29')).toEqual({})
    expect(committed('2027-08-24')).toEqual({})
    expect(committed('2027-12-01')).toEqual({ committedDate: 'out_of_range' })
  })

  it('needs a satisfaction for a follow-up unless the reporter was unreachable', () => {
    expect(checkForm('follow_up', form(), TODAY)).toEqual({ satisfaction: 'required' })
    expect(checkForm('follow_up', form({ unreachable: true }), TODAY)).toEqual({})
    expect(checkForm('follow_up', form({ satisfaction: 'satisfied' }), TODAY)).toEqual({})
  })
})

describe('actionBody', () => {
  it('sends only the action own fields, trimmed, with the version', () => {
    expect(actionBody('reopen', form({ reason: ' 仍未供暖 ', note: 'x' }), 7)).toEqual({ version: 7, reason: '仍未供暖' })
    expect(actionBody('sign', form({ reason: 'ignored' }), 3)).toEqual({ version: 3 })
  })

  it('dispatches to the lead with the other assisting units and the method', () => {
    const body = actionBody('dispatch', form({ targetId: 5, assistingIds: [5, 9, 11], method: 'phone' }), 2)
    expect(body).toEqual({ version: 2, targetId: 5, assistingIds: [9, 11], method: 'phone' })
  })

  it('sends a refused answer with its legal basis, a solved one without', () => {
    const refused = form({ result: 'cannot_be_done', answerText: '不予支持', legalBasis: '《条例》第五条' })
    expect(actionBody('answer', refused, 1)).toEqual({ version: 1, result: 'cannot_be_done', answerText: '不予支持', legalBasis: '《条例》第五条' })
    expect(actionBody('answer', { ...refused, result: 'solved' }, 1)).toEqual({ version: 1, result: 'solved', answerText: '不予支持' })
  })

  it('records a follow-up as satisfaction or as unreachable', () => {
    expect(actionBody('follow_up', form({ satisfaction: 'satisfied' }), 4)).toEqual({
      version: 4,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    })
    expect(actionBody('follow_up', form({ unreachable: true, satisfaction: 'satisfied' }), 4)).toEqual({ version: 4, unreachable: true })
  })

  it('sends the committed date as the end of the working day in the city', () => {
    expect(actionBody('commit_long_term', form({ reason: '需立项', committedDate: '2027-03-01' }), 1).committedDate).toBe(
      '2027-03-01T17:00:00+08:00',
    )
  })

  it('leaves an escalation target out when none was chosen', () => {
    expect(actionBody('escalate', form(), 1)).toEqual({ version: 1 })
  })
})

describe('cityToday', () => {
  it('is the date in China, not in UTC', () => {
    expect(cityToday(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29')
    expect(cityToday(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28')
  })
})
