// Line charts, registered beside use-chart.ts's bars: only the pages that draw lines (the
// dashboard's trends) import this, so only their chunk carries ECharts' LineChart.
import { use, type ComposeOption } from 'echarts/core'
import { LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { useChart } from './use-chart'

use([LineChart])

/** An option of a chart with lines and bars. */
export type LineChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export { useChart }
