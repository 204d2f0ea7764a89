import { describe, expect, it } from 'vitest'
import { compositeOption, compositeTooltip } from './trend'

describe('the composite trend', () => {
  it('draws one line with gaps for months without a composite', () => {
    const option = compositeOption(['2026-10', '2026-11'], [88.5, null], '综合得分')
    const series = option.series as { type: string; data: (number | null)[] }[]
    expect(series.map((s) => [s.type, s.data])).toEqual([['line', [88.5, null]]])
  })

  it('escapes what the tooltip shows', () => {
    const option = compositeOption(['<i>x</i>'], [1], 'a')
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter
    expect(formatter([{ axisValueLabel: '<i>x</i>', seriesName: 'a<b>', value: 1 }])).toBe('&lt;i&gt;x&lt;/i&gt;<br/>a&lt;b&gt;: 1.00')
    expect(compositeTooltip({ axisValueLabel: 'm', seriesName: 's', value: null })).toBe('m\ns: —')
  })
})
