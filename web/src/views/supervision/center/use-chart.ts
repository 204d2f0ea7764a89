// An ECharts instance bound to an element: created when the element appears, resized with
// it, disposed with the component. Only the chart types the centre uses are registered, so
// the bundle carries those and not all of ECharts.
import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue'
import { init, use, type ECharts } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { WarningChartOption } from './charts/warning-by-unit'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export function useChart(element: Ref<HTMLElement | null>, option: Ref<WarningChartOption | null>) {
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
