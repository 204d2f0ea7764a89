// The dashboard's trends: cases received per day (30 days, a line) or per month (12 months,
// bars), with the same period a year before as a dashed line. A pure option builder: the
// component only feeds it numbers, and the chart's shape is unit-tested.
import type { LineChartOption } from '@/composables/use-line-chart'
import { escapeFormatter } from '@/utils/html-text'

export interface TrendInput {
  /** The axis labels ("12-01", "2026-01"), one per point. */
  labels: string[]
  current: number[]
  /** The same points a year before; null to leave the series out. */
  yearBefore: number[] | null
  kind: 'line' | 'bar'
  names: { current: string; yearBefore: string }
}

export const CURRENT_COLOUR = '#1565c0'
export const YEAR_BEFORE_COLOUR = '#909399'

interface AxisPoint {
  axisValueLabel?: string
  seriesName?: string
  value?: unknown
}

/** The tooltip: the label and each series' count, as text (ECharts takes a formatter's answer as HTML). */
export function trendTooltip(points: AxisPoint | AxisPoint[]): string {
  const list = Array.isArray(points) ? points : [points]
  const head = list[0]?.axisValueLabel ?? ''
  return [head, ...list.map((p) => `${p.seriesName ?? ''}: ${String(p.value ?? 0)}`)].join('\n')
}

export function trendOption(input: TrendInput, narrow = false): LineChartOption {
  const series: LineChartOption['series'] = [
    input.kind === 'bar'
      ? { name: input.names.current, type: 'bar', data: input.current, itemStyle: { color: CURRENT_COLOUR }, cursor: 'pointer' }
      : {
          name: input.names.current,
          type: 'line',
          data: input.current,
          itemStyle: { color: CURRENT_COLOUR },
          lineStyle: { width: 2 },
          symbolSize: 6,
          cursor: 'pointer',
        },
  ]
  if (input.yearBefore) {
    series.push({
      name: input.names.yearBefore,
      type: 'line',
      data: input.yearBefore,
      itemStyle: { color: YEAR_BEFORE_COLOUR },
      lineStyle: { type: 'dashed', width: 1.5 },
      symbol: 'none',
      silent: true,
    })
  }
  return {
    animation: false,
    tooltip: { trigger: 'axis', formatter: escapeFormatter(trendTooltip) },
    legend: { top: 0, data: series.map((s) => String(s.name)) },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.labels,
      boundaryGap: input.kind === 'bar',
      axisLabel: { hideOverlap: true, fontSize: narrow ? 10 : 12 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }
}
