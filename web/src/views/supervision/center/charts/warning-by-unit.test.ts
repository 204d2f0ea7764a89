import { describe, expect, it } from 'vitest'
import { chartHeight, labelWidth, warningChartOption } from './warning-by-unit'

describe('warningChartOption', () => {
  const option = warningChartOption({
    units: [
      { name: '吉林市住房和城乡建设局', red: 3, yellow: 1 },
      { name: '船营区', red: 0, yellow: 2 },
    ],
    labels: { red: '红牌', yellow: '黄牌' },
  })

  it('has a red and a yellow series stacked per unit, in the given order', () => {
    const series = option.series as { name: string; data: number[]; stack: string }[]
    expect(series.map((s) => [s.name, s.data, s.stack])).toEqual([
      ['红牌', [3, 0], 'cards'],
      ['黄牌', [1, 2], 'cards'],
    ])
    expect((option.yAxis as { data: string[] }).data).toEqual(['吉林市住房和城乡建设局', '船营区'])
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true)
  })

  it('counts in whole cases', () => {
    expect((option.xAxis as { minInterval: number }).minInterval).toBe(1)
  })

  it('keeps labels short on a narrow screen', () => {
    const narrow = warningChartOption({ units: [{ name: '吉林市住房和城乡建设局', red: 1, yellow: 0 }], labels: { red: 'r', yellow: 'y' } }, true)
    expect((narrow.yAxis as { axisLabel: { width: number } }).axisLabel.width).toBe(96)
  })

  it('sizes to the names and the number of units', () => {
    expect(labelWidth(['船营区'])).toBe(60)
    expect(labelWidth(['吉林市住房和城乡建设局'])).toBe(143)
    expect(labelWidth(['长'.repeat(40)])).toBe(200)
    expect(chartHeight(0)).toBe(160)
    expect(chartHeight(10)).toBe(420)
  })
})
