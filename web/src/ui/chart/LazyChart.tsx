import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ChartProps } from './Chart.tsx';

// ECharts comes in its own chunk, fetched only when a page draws a chart; the table beside it shows at once.
const Chart = lazy(() => import('./Chart.tsx'));

/** The chart wrapper, loaded on first use; until then the chart's place holds a loading line of its height. */
export function LazyChart(props: ChartProps) {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <p className="muted" style={{ minHeight: props.height ?? 280 }}>
          {t('app.loading')}
        </p>
      }
    >
      <Chart {...props} />
    </Suspense>
  );
}
