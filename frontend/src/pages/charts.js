// ECharts for the evaluation page (evaluations.html), the assistance figures and the fulfilment board (board.html), bundled by build.mjs into static/charts.js (window.HuiqiCharts)
// apart from huiqi.js, so that only the pages with a chart load it. Only what the page draws is bundled: bar, line and radar
// charts on canvas. Tooltips are drawn on the canvas too (renderMode richText): ECharts' HTML tooltips write style
// attributes, which the pages' Content Security Policy (style-src 'self') refuses.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

const charts = new Map();

/** Draws `option` into `element` (one chart per element, replaced on every call); resizes with the window. */
export function draw(element, option) {
  let chart = charts.get(element);
  if (!chart || chart.isDisposed()) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    charts.set(element, chart);
  }
  const tooltip = Object.assign({ renderMode: 'richText' }, option.tooltip || {});
  chart.setOption(Object.assign({ animation: false }, option, { tooltip }), true);
  return chart;
}

/** Removes the chart of `element`, if any. */
export function clear(element) {
  const chart = charts.get(element);
  if (chart) chart.dispose();
  charts.delete(element);
}

if (typeof window !== 'undefined') {
  window.addEventListener('resize', () => { for (const chart of charts.values()) chart.resize(); });
}
