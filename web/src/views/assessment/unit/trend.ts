// The unit's composite score month by month: a line, a month without a composite left as a gap.
// A pure option builder; the tooltip is text, escaped (ECharts takes a formatter's answer as HTML).
import type { LineChartOption } from '@/composables/use-line-chart'
import { escapeFormatter } from '@/utils/html-text'

interface AxisPoint {
  axisValueLabel?: string
  seriesName?: string
  value?: unknown
}

export function compositeTooltip(points: AxisPoint | AxisPoint[]): string {
  const list = Array.isArray(points) ? points : [points]
  const head = list[0]?.axisValueLabel ?? ''
  const values = list.map((p) => `${p.seriesName ?? ''}: ${typeof p.value === 'number' ? p.value.toFixed(2) : '—'}`)
  return [head, ...values].join('\n')
}

export function compositeOption(labels: string[], composites: (number | null)[], name: string): LineChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', formatter: escapeFormatter(compositeTooltip) },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        name,
        type: 'line',
        data: composites,
        connectNulls: false,
        itemStyle: { color: '#1565c0' },
        lineStyle: { width: 2 },
        symbolSize: 6,
      },
    ],
  }
}
