import { describe, expect, it } from 'vitest'
import type { CaseListQuery, CaseSummary, KeysetPage } from '@/api/types'
import { cityToday, collectCases, exportColumns, exportRow } from './case-export'

function summary(n: number, extra: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: n,
    number: `2026-${String(n).padStart(7, '0')}`,
    title: `案件 ${n}`,
    state: 'handling',
    channel: 'hotline',
    kind: 'complaint',
    scope: 'individual',
    urgency: 'urgent',
    categoryCode: '0101',
    categoryName: '物业管理',
    holderId: 12,
    holderName: '吉林市住房和城乡建设局',
    originId: null,
    createdAt: '2026-11-26T13:46:45.977+08:00',
    updatedAt: '2026-11-26T13:46:45.977+08:00',
    version: 1,
    deadline: '2026-11-28T17:00:00.000+08:00',
    deadlineStep: 'answer',
    workingMinutesLeft: 30,
    warning: 'yellow',
    deadlineProvisional: false,
    supervisionLevel: 0,
    ...extra,
  }
}

/** A server with `total` cases, answering pages as /api/v1/cases does. */
function fakeServer(total: number) {
  const asked: CaseListQuery[] = []
  const fetchPage = async (query: CaseListQuery): Promise<KeysetPage<CaseSummary>> => {
    asked.push(query)
    const start = query.cursor ? Number(query.cursor) : 0
    const end = Math.min(total, start + (query.limit ?? 20))
    const items = Array.from({ length: end - start }, (_, i) => summary(start + i + 1))
    return { items, nextCursor: end < total ? String(end) : null }
  }
  return { asked, fetchPage }
}

describe('collectCases', () => {
  it('reads every page with the filters and reports progress', async () => {
    const server = fakeServer(250)
    const progress: number[] = []
    const result = await collectCases({ warning: 'red', sort: 'deadline' }, (n) => progress.push(n), { fetchPage: server.fetchPage })
    expect(result.items).toHaveLength(250)
    expect(result.capped).toBe(false)
    expect(progress).toEqual([100, 200, 250])
    expect(server.asked.map((q) => [q.cursor, q.limit, q.warning])).toEqual([
      [undefined, 100, 'red'],
      ['100', 100, 'red'],
      ['200', 100, 'red'],
    ])
  })

  it('stops at the cap and says so', async () => {
    const server = fakeServer(1000)
    const result = await collectCases({}, () => undefined, { cap: 250, fetchPage: server.fetchPage })
    expect(result.items).toHaveLength(250)
    expect(result.capped).toBe(true)
    expect(server.asked.at(-1)?.limit).toBe(50)
  })

  it('is not capped when the list ends exactly at the cap', async () => {
    const result = await collectCases({}, () => undefined, { cap: 200, fetchPage: fakeServer(200).fetchPage })
    expect(result).toMatchObject({ capped: false })
    expect(result.items).toHaveLength(200)
  })
})

describe('export rows', () => {
  const t = (key: string) => `<${key}>`

  it('has the eleven columns in order', () => {
    expect(exportColumns(t).map((c) => c.header)).toEqual([
      '<cases.number>',
      '<cases.caseTitle>',
      '<cases.state>',
      '<caseViews.export.columns.channel>',
      '<caseViews.export.columns.kind>',
      '<cases.urgency>',
      '<caseViews.export.columns.category>',
      '<caseViews.export.columns.holder>',
      '<cases.createdAt>',
      '<cases.deadline>',
      '<cases.warning>',
    ])
  })

  it('uses the screen words and the names of units and categories', () => {
    const lookups = { unitName: (id: number) => `单位${id}`, categoryName: (code: string) => (code === '0101' ? '物业管理' : undefined) }
    expect(exportRow(summary(1), t, lookups)).toEqual([
      '2026-0000001',
      '案件 1',
      '<state.handling>',
      '<channel.hotline>',
      '<kind.complaint>',
      '<urgency.urgent>',
      '0101 物业管理',
      '单位12',
      '2026-11-26 13:46',
      '2026-11-28 17:00',
      '<warning.yellow>',
    ])
    const closed = exportRow(summary(2, { holderId: null, deadline: null, warning: null, categoryCode: '9999' }), t, lookups)
    expect([closed[6], closed[7], closed[9], closed[10]]).toEqual(['9999', '', '', ''])
  })

  it('dates the file in the city time zone', () => {
    expect(cityToday(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28')
    expect(cityToday(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27')
  })
})
