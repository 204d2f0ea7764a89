import { describe, expect, it } from 'vitest'
import { rangeCap, refusalKey } from './field-errors'

describe('refusalKey', () => {
  it('names the case refusals by their own name and the others with their resource', () => {
    expect(refusalKey('case.wrong_state')).toBe('wrong_state')
    expect(refusalKey('case.bad_target')).toBe('bad_target')
    expect(refusalKey('supervision.not_addressee')).toBe('supervision_not_addressee')
  })
})

describe('rangeCap', () => {
  it('reads the cap the server names for an out-of-range number of days', () => {
    expect(rangeCap({ field: 'grantedDays', reason: 'out_of_range', message: 'Grant 1 to 5 working days for this case.' })).toBe(5)
    expect(rangeCap({ field: 'extensionDays', reason: 'required', message: 'This field is required.' })).toBeNull()
    expect(rangeCap({ field: 'extensionDays', reason: 'out_of_range', message: 'Too many.' })).toBeNull()
  })
})
