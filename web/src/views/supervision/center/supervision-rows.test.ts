import { describe, expect, it } from 'vitest'
import type { Supervision } from '@/api/supervision'
import { levelKey, replyState } from './supervision-rows'

const base: Supervision = {
  id: 1,
  caseId: 7,
  caseNumber: '2026-0000007',
  level: 'written',
  manual: true,
  step: 'answer',
  stepDeadline: '2026-11-27T17:00:00.000+08:00',
  unitId: 12,
  note: '请加快办理',
  issuedBy: 3,
  issuedByUnit: 2,
  issuedAt: '2026-11-27T09:00:00.000+08:00',
  replyDue: '2026-11-28T17:00:00.000+08:00',
  repliedAt: null,
  repliedBy: null,
  reply: '',
  replyLate: false,
}
const before = new Date('2026-11-28T08:00:00Z')
const after = new Date('2026-11-28T10:00:00Z')

describe('supervision rows', () => {
  it('tell manual orders from the sweep\'s', () => {
    expect(levelKey(base)).toBe('manual')
    expect(levelKey({ ...base, manual: false, level: 'bulletin' })).toBe('bulletin')
  })

  it('say where the reply stands', () => {
    expect(replyState({ ...base, manual: false, level: 'reminder', replyDue: null }, after)).toBe('not_needed')
    expect(replyState({ ...base, manual: false }, before)).toBe('waiting')
    expect(replyState(base, before)).toBe('waiting')
    expect(replyState(base, after)).toBe('overdue')
    expect(replyState({ ...base, replyLate: true }, before)).toBe('overdue')
    expect(replyState({ ...base, repliedAt: '2026-11-28T10:00:00.000+08:00' }, after)).toBe('replied')
    expect(replyState({ ...base, repliedAt: '2026-11-29T10:00:00.000+08:00', replyLate: true }, after)).toBe('replied_late')
  })
})
