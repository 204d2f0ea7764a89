// An ECharts instance bound to an element: created when the element appears, resized with
// it, disposed with the component. Only the chart types the app uses (bars, with a grid, a
// legend and tooltips) are registered, so the bundle carries those and not all of ECharts;
// a page that needs another type registers it beside this (use-line-chart.ts), so only that
// page's chunk carries it.
import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue'
import { init, use, type ComposeOption, type ECharts, type EChartsCoreOption } from 'echarts/core'
import { BarChart, type BarSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** An option of the charts registered here. */
export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export function useChart<O extends EChartsCoreOption = BarChartOption>(
  element: Ref<HTMLElement | null>,
  option: Ref<O | null>,
  onClick?: (params: { dataIndex: number; seriesIndex?: number }) => void,
) {
  const chart = shallowRef<ECharts | null>(null)
  let observer: ResizeObserver | null = null

  function dispose(): void {
    observer?.disconnect()
    observer = null
    chart.value?.dispose()
    chart.value = null
  }

  watch(
    [element, option],
    ([el, next]) => {
      if (!el || !next) {
        dispose()
        return
      }
      if (!chart.value || chart.value.getDom() !== el) {
        dispose()
        chart.value = init(el)
        if (onClick) {
          chart.value.on('click', (params) => onClick(params as { dataIndex: number; seriesIndex?: number }))
        }
        observer = new ResizeObserver(() => chart.value?.resize())
        observer.observe(el)
      }
      chart.value.setOption(next, { notMerge: true })
      chart.value.resize()
    },
    { flush: 'post' },
  )

  onBeforeUnmount(dispose)
  return { chart }
}
