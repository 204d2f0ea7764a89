import { describe, expect, it } from 'vitest'
import { changeOf } from './change'

describe('the change against an earlier figure', () => {
  it.each([
    [112, 100, '+12.0%', 'up'],
    [1124, 1000, '+12.4%', 'up'],
    [97, 100, '-3.0%', 'down'],
    [100, 100, '0.0%', 'flat'],
    [0, 5, '-100.0%', 'down'],
    [10001, 10000, '0.0%', 'flat'],
  ] as const)('%i against %i is %s', (current, earlier, text, direction) => {
    expect(changeOf(current, earlier)).toEqual({ text, direction })
  })

  it('is "—" when the earlier figure is 0 or unknown', () => {
    expect(changeOf(12, 0)).toEqual({ text: '—', direction: 'none' })
    expect(changeOf(12, undefined)).toEqual({ text: '—', direction: 'none' })
    expect(changeOf(0, null)).toEqual({ text: '—', direction: 'none' })
  })
})
