import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { dialogErrors, rangeCap, refusalKey } from './field-errors'

const failed = new ApiError({
  status: 422,
  reason: 'validation.failed',
  message: 'invalid',
  fields: [
    { field: 'reason', reason: 'required', message: 'This field is required.' },
    { field: 'reason', reason: 'too_long', message: 'second problem on the same field' },
    { field: 'targetId', reason: 'case.bad_target', message: 'Forward to the office directly above.' },
    { field: 'version', reason: 'type', message: 'Expected an integer.' },
  ],
})
const texts = (_field: string, reason: string) => (reason === 'required' ? '必填' : null)

describe('dialogErrors', () => {
  it('puts each field error under its field, translated where a text exists', () => {
    const errors = dialogErrors(failed, ['reason', 'targetId'], texts)
    expect(errors.byField).toEqual({ reason: '必填', targetId: 'Forward to the office directly above.' })
    expect(errors.other).toEqual(['version: Expected an integer.'])
  })

  it('maps server field names onto the dialog field that shows them', () => {
    expect(dialogErrors(failed, ['target'], texts, { targetId: 'target' }).byField).toEqual({
      target: 'Forward to the office directly above.',
    })
  })

  it('has nothing for errors that are not the server answer', () => {
    expect(dialogErrors(new Error('x'), ['reason'], texts)).toEqual({ byField: {}, other: [] })
  })
})

describe('refusalKey', () => {
  it('names the case refusals by their own name and the others with their resource', () => {
    expect(refusalKey('case.wrong_state')).toBe('wrong_state')
    expect(refusalKey('case.bad_target')).toBe('bad_target')
    expect(refusalKey('supervision.not_addressee')).toBe('supervision_not_addressee')
  })
})

describe('rangeCap', () => {
  it('reads the cap the server names for an out-of-range number of days', () => {
    const refused = new ApiError({
      status: 422,
      reason: 'validation.failed',
      message: 'invalid',
      fields: [
        { field: 'grantedDays', reason: 'out_of_range', message: 'Grant 1 to 5 working days for this case.' },
        { field: 'extensionDays', reason: 'required', message: 'This field is required.' },
      ],
    })
    expect(rangeCap(refused, 'grantedDays')).toBe(5)
    expect(rangeCap(refused, 'extensionDays')).toBeNull()
    expect(rangeCap(new Error('x'), 'grantedDays')).toBeNull()
  })
})
