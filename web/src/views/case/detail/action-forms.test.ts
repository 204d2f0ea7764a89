import { describe, expect, it } from 'vitest'
import type { ActionFormField, CaseActionName } from '@/api/case-actions'
import {
  ACTION_ORDER,
  actionBody as bodyOf,
  actionSpec,
  checkForm as check,
  cityToday,
  emptyForm,
  fieldShown as shownOn,
  orderedActions,
  relayText,
  type ActionForm,
} from './action-forms'
import answer from './action-forms.fixture.json'

const TODAY = '2026-11-28'
const form = (patch: Partial<ActionForm> = {}): ActionForm => ({ ...emptyForm(), ...patch })
// The dialogs as the server's forms make them. The fixture is the answer of GET
// /api/v1/case-actions/forms, which the e2e spec case-action-forms checks against the running
// server: when the server changes, paste its answer there.
const ACTION_FORMS = answer as { forms: Record<CaseActionName, ActionFormField[]> }
const spec = (action: CaseActionName) => actionSpec(action, ACTION_FORMS.forms[action] ?? [])
const checkForm = (action: CaseActionName, filled: ActionForm, today: string) => check(spec(action), filled, today)
const actionBody = (action: CaseActionName, filled: ActionForm, version: number) => bodyOf(spec(action), filled, version)
const fieldShown = (action: CaseActionName, field: Parameters<typeof shownOn>[1], filled: ActionForm) => shownOn(spec(action), field, filled)

describe('orderedActions', () => {
  it('keeps only known actions, in button order', () => {
    expect(orderedActions(['decline', 'bogus', 'accept', 'merge'])).toEqual(['accept', 'merge', 'decline'])
  })
})

describe('actionSpec', () => {
  it('asks for the fields of the server form, an optional note only where it is the record', () => {
    expect(spec('accept').fields).toEqual([])
    expect(spec('decline').fields).toEqual(['reason', 'legalBasis'])
    expect(spec('instruct').fields).toEqual(['note'])
    expect(spec('contact_reporter').fields).toEqual(['note', 'relayMessage'])
    expect(spec('follow_up').fields).toEqual(['followUp'])
    expect(spec('handover').fields).toEqual(['targetId', 'externalRef', 'method'])
    expect(spec('answer').fields).toEqual(['legalBasis', 'answerText', 'result', 'evidence'])
  })

  it('takes required fields, limits and choices from the server, not from a copy', () => {
    const stricter = actionSpec('request_extension', [
      { name: 'reason', type: 'string', required: false },
      { name: 'extensionDays', type: 'integer', required: true, min: 2, max: 5 },
    ])
    expect(check(stricter, form({ extensionDays: 6 }), TODAY)).toEqual({ extensionDays: 'out_of_range' })
    expect(check(stricter, form({ extensionDays: 1 }), TODAY)).toEqual({ extensionDays: 'out_of_range' })
    expect(check(stricter, form({ extensionDays: 5 }), TODAY)).toEqual({})
    expect(spec('answer').choices.result).toContain('cannot_be_done')
    expect(spec('dispatch').choices.method).toEqual(['network', 'phone', 'writing'])
  })

  it('leaves out a field the dialog does not know', () => {
    expect(actionSpec('sign', [{ name: 'priority', type: 'integer', required: true }]).fields).toEqual([])
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
    ['assign', ['targetId']],
    ['reject_unit_answer', ['reason']],
    ['follow_up', ['satisfaction']],
    ['approve_extension', []],
    ['accept', []],
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

  it('lets a forward go without a target (the next level up is the default)', () => {
    expect(checkForm('forward', form(), TODAY)).toEqual({})
  })

  it('grants 1 to 10 working days of an extension, or those asked when none is set', () => {
    expect(checkForm('approve_extension', form({ grantedDays: 3 }), TODAY)).toEqual({})
    expect(actionBody('approve_extension', form(), 5)).toEqual({ version: 5 })
    expect(checkForm('approve_extension', form({ grantedDays: 11 }), TODAY)).toEqual({ grantedDays: 'out_of_range' })
  })

  it('asks a relayed contact for its message instead of a note, one SMS long', () => {
    expect(checkForm('contact_reporter', form(), TODAY)).toEqual({ note: 'required' })
    expect(checkForm('contact_reporter', form({ relay: true }), TODAY)).toEqual({ relayMessage: 'required' })
    expect(checkForm('contact_reporter', form({ relay: true, relayMessage: '您好' }), TODAY)).toEqual({})
    expect(checkForm('contact_reporter', form({ relay: true, relayMessage: '供'.repeat(201) }), TODAY)).toEqual({ relayMessage: 'too_long' })
    expect(checkForm('contact_reporter', form({ relay: true, relayMessage: '供'.repeat(200) }), TODAY)).toEqual({})
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

// The fields each action reads, from the server's form: any other is a 422 unknown_field.
const serverFields = (action: CaseActionName) => ACTION_FORMS.forms[action].map((field) => field.name)

/** Every field of the form filled in, in each of the ways that changes what is sent. */
const FILLED: ActionForm[] = [false, true].flatMap((flag) =>
  (['solved', 'cannot_be_done'] as const).map((result) => ({
    targetId: 5,
    assistingIds: [9],
    method: 'phone' as const,
    reason: '理由',
    legalBasis: '依据',
    note: '意见',
    result,
    answerText: '答复',
    extensionDays: 3,
    committedDate: '2027-03-01',
    unreachable: flag,
    contacted: true,
    solved: true,
    satisfaction: 'satisfied' as const,
    externalRef: 'RX-1',
    masterCaseId: 8,
    assigneeId: 12,
    confirm: true,
    grantedDays: 2,
    relay: flag,
    relayMessage: '您好',
  })),
)

describe('what each action sends', () => {
  it('knows every action the server has, in the button order', () => {
    expect([...ACTION_ORDER].sort()).toEqual(Object.keys(ACTION_FORMS.forms).sort())
  })

  it.each(ACTION_ORDER)('%s sends no field the server does not read', (action) => {
    for (const filled of FILLED) {
      const sent = Object.keys(actionBody(action, filled, 1)).filter((key) => key !== 'version')
      expect(sent.filter((key) => !serverFields(action).includes(key)), JSON.stringify(filled)).toEqual([])
    }
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

  it('forwards to the chosen office, or lets the server take the next level up', () => {
    expect(actionBody('forward', form({ targetId: 12 }), 2)).toEqual({ version: 2, targetId: 12 })
    expect(actionBody('forward', form(), 2)).toEqual({ version: 2 })
  })

  it('grants the days the approver set', () => {
    expect(actionBody('approve_extension', form({ grantedDays: 3, extensionDays: 10 }), 5)).toEqual({ version: 5, grantedDays: 3 })
  })

  it('confirms a merge only once the office has seen what differs', () => {
    expect(actionBody('merge', form({ masterCaseId: 8 }), 1)).toEqual({ version: 1, masterCaseId: 8 })
    expect(actionBody('merge', form({ masterCaseId: 8, confirm: true }), 1)).toEqual({ version: 1, masterCaseId: 8, confirm: true })
  })

  it('relays a message as one line, instead of the note', () => {
    expect(actionBody('contact_reporter', form({ relay: true, relayMessage: ' 您好，\n 明日上门。 ', note: '未发' }), 1)).toEqual({
      version: 1,
      relayMessage: '您好， 明日上门。',
    })
    expect(actionBody('contact_reporter', form({ note: '已电话联系' }), 1)).toEqual({ version: 1, note: '已电话联系' })
    expect(relayText('a\r\n\nb')).toBe('a b')
  })

  it('passes a case to a section of the unit, a named 承办人 or both', () => {
    expect(actionBody('assign', form({ targetId: 40 }), 6)).toEqual({ version: 6, targetId: 40 })
    expect(actionBody('assign', form({ assigneeId: 12 }), 6)).toEqual({ version: 6, assigneeId: 12 })
    expect(checkForm('assign', form({ assigneeId: 12 }), TODAY)).toEqual({})
    expect(actionBody('approve_unit_answer', form({ answerText: '不发送' }), 6)).toEqual({ version: 6 })
  })
})

describe('cityToday', () => {
  it('is the date in China, not in UTC', () => {
    expect(cityToday(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29')
    expect(cityToday(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28')
  })
})
