import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './datetime'

describe('formatDateTime', () => {
  it.each([
    ['2026-11-26T13:46:45.977+08:00', '2026-11-26 13:46'],
    ['2026-01-02T08:30:00+08:00', '2026-01-02 08:30'],
    ['not a time', 'not a time'],
    [null, ''],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected)
  })

  it('keeps the date of a date-time', () => {
    expect(formatDate('2026-11-26T13:46:45.977+08:00')).toBe('2026-11-26')
  })
})
