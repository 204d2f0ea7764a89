import { describe, expect, it } from 'vitest'
import { trendOption, trendTooltip } from './trend'

const input = {
  labels: ['12-06', '12-07'],
  current: [3, 5],
  yearBefore: [1, 2],
  kind: 'line' as const,
  names: { current: '受理件数', yearBefore: '上年同期' },
}

describe('the trend chart', () => {
  it('draws this year solid and the year before dashed', () => {
    const option = trendOption(input)
    const series = option.series as { type: string; data: number[]; lineStyle?: { type?: string } }[]
    expect(series.map((s) => [s.type, s.data, s.lineStyle?.type])).toEqual([
      ['line', [3, 5], undefined],
      ['line', [1, 2], 'dashed'],
    ])
  })

  it('draws months as bars and leaves out an empty year before', () => {
    const option = trendOption({ ...input, kind: 'bar', yearBefore: null })
    const series = option.series as { type: string }[]
    expect(series.map((s) => s.type)).toEqual(['bar'])
  })

  it('escapes what the tooltip shows', () => {
    const option = trendOption(input)
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter
    expect(formatter([{ axisValueLabel: '<b>12-06</b>', seriesName: '受理件数', value: 3 }])).toBe('&lt;b&gt;12-06&lt;/b&gt;<br/>受理件数: 3')
    expect(trendTooltip({ axisValueLabel: '12-06', seriesName: 'x', value: 1 })).toBe('12-06\nx: 1')
  })
})
