import { Component, type ReactNode, Suspense } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { Layout } from './Layout.tsx';
import { findRoute } from './match.ts';
import { usePath } from './router.tsx';
import { NotFoundPage, routes } from './routes.ts';

export function App() {
  return (
    <I18nProvider>
      <Layout>
        <RouteView />
      </Layout>
    </I18nProvider>
  );
}

function RouteView() {
  const path = usePath();
  const found = findRoute(routes, path);
  const Page = found?.route.component ?? NotFoundPage;
  return (
    // Keyed by path: a failed chunk on one page does not stick when the user goes elsewhere.
    <ChunkErrorBoundary key={path}>
      <Suspense fallback={<Loading />}>
        <Page params={found?.params ?? {}} />
      </Suspense>
    </ChunkErrorBoundary>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A page's chunk can fail to load (offline, or a new release replaced it): say so and offer a reload. */
class ChunkErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice">
      <p>{t('app.loadFailed')}</p>
      <button type="button" className="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
