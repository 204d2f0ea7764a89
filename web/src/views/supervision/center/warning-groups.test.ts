import { describe, expect, it } from 'vitest'
import type { CaseSummary, KeysetPage, Warning } from '@/api/types'
import { collectWarning, groupByUnit } from './warning-groups'

const item = (id: number, holderId: number | null, warning: Warning): CaseSummary =>
  ({ id, number: `2026-${id}`, holderId, warning }) as CaseSummary

describe('groupByUnit', () => {
  it('counts each unit\'s red and yellow cases, most red first', () => {
    const groups = groupByUnit(
      [item(1, 10, 'red'), item(2, 20, 'red'), item(3, 20, 'red'), item(4, null, 'red')],
      [item(5, 10, 'yellow'), item(6, 30, 'yellow'), item(7, 30, 'yellow'), item(8, 10, 'yellow')],
    )
    expect(groups.map((g) => [g.unitId, g.red.length, g.yellow.length])).toEqual([
      [20, 2, 0],
      [10, 1, 2],
      [null, 1, 0],
      [30, 0, 2],
    ])
    expect(groups[1]!.yellow.map((c) => c.id)).toEqual([5, 8])
  })

  it('is empty for no cases', () => {
    expect(groupByUnit([], [])).toEqual([])
  })
})

describe('collectWarning', () => {
  const pages = (total: number, size: number) => async (warning: Warning, cursor: string | undefined): Promise<KeysetPage<CaseSummary>> => {
    const start = cursor ? Number(cursor) : 0
    const end = Math.min(total, start + size)
    return {
      items: Array.from({ length: end - start }, (_, i) => item(start + i, 1, warning)),
      nextCursor: end < total ? String(end) : null,
    }
  }

  it('reads to the end when the list is short', async () => {
    expect(await collectWarning('red', pages(250, 100), 500)).toMatchObject({ partial: false })
    expect((await collectWarning('red', pages(250, 100), 500)).items).toHaveLength(250)
  })

  it('stops at the cap and marks the counts partial', async () => {
    const collected = await collectWarning('yellow', pages(900, 100), 300)
    expect(collected.partial).toBe(true)
    expect(collected.items).toHaveLength(300)
    expect(collected.items.every((c) => c.warning === 'yellow')).toBe(true)
  })
})
