import type { EChartsCoreOption } from 'echarts/core';
// The one charting wrapper of the web app, over ECharts imported piece by piece (core + the charts and components
// used here + the SVG renderer), so a page pulls in only this. Pages load it lazily (`LazyChart` below, or their own
// `lazy(() => import(...))`): the public home page never carries it. Every chart is an image to assistive
// technology, with its label; the page puts the same numbers in a table beside it.
import { BarChart, FunnelChart, LineChart, MapChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  MapChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export interface ChartProps {
  /** The ECharts option (series, axes, …). */
  option: EChartsCoreOption;
  /** What the chart shows, in words: read out instead of the drawing. */
  label: string;
  height?: number;
  /** A GeoJSON map the option's `map` series refers to by `name`. */
  geo?: { name: string; geoJson: object };
  testId?: string;
}

export default function Chart({ option, label, height = 280, geo, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // biome-ignore lint/suspicious/noExplicitAny: ECharts takes GeoJSON of its own loose type
    if (geo) echarts.registerMap(geo.name, geo.geoJson as any);
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, geo]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      className="chart"
      style={{ width: '100%', height }}
    />
  );
}
