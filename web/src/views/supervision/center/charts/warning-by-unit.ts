// The bar chart of red and yellow cards per unit: a pure option builder, so the component
// only feeds it data and the chart's shape is unit-tested.
import type { BarChartOption } from '@/composables/use-chart'

export type WarningChartOption = BarChartOption

export interface WarningChartInput {
  units: { name: string; red: number; yellow: number }[]
  labels: { red: string; yellow: string }
}

/** Room for the longest unit name on the category axis, within reason. */
export function labelWidth(names: readonly string[]): number {
  const longest = Math.max(0, ...names.map((name) => [...name].length))
  return Math.min(200, Math.max(60, longest * 13))
}

/** The chart's height for `n` units: one bar pair per row, readable on a phone. */
export function chartHeight(n: number): number {
  return Math.max(160, 60 + n * 36)
}

export function warningChartOption({ units, labels }: WarningChartInput, narrow = false): WarningChartOption {
  // Horizontal bars: unit names are long Chinese names, which read better on the left.
  const names = units.map((u) => u.name)
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.red, labels.yellow] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { width: narrow ? 96 : labelWidth(names), overflow: 'truncate' },
    },
    series: [
      { name: labels.red, type: 'bar', stack: 'cards', data: units.map((u) => u.red), itemStyle: { color: '#f56c6c' } },
      { name: labels.yellow, type: 'bar', stack: 'cards', data: units.map((u) => u.yellow), itemStyle: { color: '#e6a23c' } },
    ],
  }
}
