import { describe, expect, it } from 'vitest'
import type { AssessedRow, PeriodRecord } from '@/api/assessment'
import { figureText, lastEnded, lastMonthOf, rankedFirst, standings, trendRange } from './figures'

function row(key: string, rank: number | null, name = key): AssessedRow {
  return {
    unit: { kind: 'org', id: 1, key, name },
    group: 'city_units',
    groupScope: null,
    caseCount: 5,
    measureScore: null,
    composite: null,
    rank,
    belowMinimum: rank === null,
    adjustments: [],
    measures: {},
  }
}

describe('assessment figures', () => {
  it('shows a ratio as n / d with its percentage', () => {
    expect(figureText('satisfaction', { numerator: 45, denominator: 50, value: 90 })).toBe('45 / 50 (90.0%)')
    expect(figureText('satisfaction', { numerator: 0, denominator: 0, value: null })).toBe('—')
    expect(figureText('average_handling_days', { numerator: 470, denominator: 2, value: 2.35 })).toBe('2.35 天')
    expect(figureText('response', undefined)).toBe('—')
  })

  it('marks the top three and, in a group of more than six, the bottom three', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8].map((rank) => row(`org-${rank}`, rank))
    const marks = standings([...rows, row('org-9', null)])
    expect([...marks.entries()].filter(([, s]) => s === 'top').map(([k]) => k)).toEqual(['org-1', 'org-2', 'org-3'])
    expect([...marks.entries()].filter(([, s]) => s === 'bottom').map(([k]) => k)).toEqual(['org-6', 'org-7', 'org-8'])
    expect(marks.has('org-9')).toBe(false)
    const small = standings([row('a', 1), row('b', 2), row('c', 3), row('d', 4)])
    expect([...small.values()]).toEqual(['top', 'top', 'top', null])
  })

  it('lists ranked units first, then the unranked by name', () => {
    const sorted = rankedFirst([row('x', null, '乙'), row('y', 2), row('z', null, '甲'), row('w', 1)])
    expect(sorted.map((r) => r.unit.key)).toEqual(['w', 'y', 'z', 'x'])
  })

  it('opens on the last period that has ended', () => {
    const record = (label: string, from: string, to: string): PeriodRecord => ({
      label,
      period: { label, from, to, kind: 'month' },
      state: 'open',
      publishedAt: null,
      appealUntil: null,
      closedAt: null,
      schemeVersion: null,
    })
    const records = [record('2026-12', '2026-12-01', '2027-01-01'), record('2026-11', '2026-11-01', '2026-12-01')]
    expect(lastEnded(records, 'month', '2026-12-08')?.label).toBe('2026-11')
    expect(lastEnded(records, 'quarter', '2026-12-08')).toBeNull()
  })

  it('spans a trend over the twelve months up to a period', () => {
    expect(trendRange('2026-11')).toEqual({ from: '2025-12', to: '2026-11' })
    expect(lastMonthOf('2026-Q3')).toBe('2026-09')
    expect(lastMonthOf('2026')).toBe('2026-12')
    expect(lastMonthOf('2026-04')).toBe('2026-04')
  })
})
