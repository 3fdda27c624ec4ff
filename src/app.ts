import { fileURLToPath } from 'node:url';
import { healthRoutes } from './platform/http/health.ts';
import { buildServer, type AppDeps, type RoutePlugin } from './platform/http/server.ts';
import { referenceRoutes } from './platform/reference/routes.ts';
import { outcomesRoutes } from './outcomes/routes.ts';
import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './access/audit-routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { registryReferenceRoutes } from './registry/reference-routes.ts';
import { importRoutes } from './registry/import/routes.ts';
import { exportRoutes } from './registry/export/routes.ts';
import { journeyRoutes } from './registry/journey/routes.ts';
import { permitRoutes } from './registry/permits/routes.ts';
import { overlapRoutes } from './registry/overlap/routes.ts';
import { catalogSearchRoutes } from './catalog/routes.ts';
import { curationRoutes } from './curation/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { productRoutes } from './catalog/products/routes.ts';
import { productPhotoRoutes } from './catalog/products/photo-routes.ts';
import { buyingRoutes } from './procurement/buying/buying-routes.ts';
// procurement/fulfil: after an order is placed (agency and seller sides)
import { fulfilmentRoutes } from './procurement/fulfilment/fulfilment-routes.ts';
import { sellerRoutes } from './procurement/fulfilment/seller-routes.ts';
import { shareRoutes } from './procurement/share/routes.ts';
import { planRoutes } from './procurement/plans/plan-routes.ts';
import { ocdsRoutes } from './procurement/ocds/routes.ts';
import { qrisRoutes } from './platform/qris/routes.ts';
import { jblReportRoutes } from './jbl/reports/routes.ts';
import { jblRoutes } from './jbl/routes.ts';
import { jblOrderRoutes } from './jbl/orders/routes.ts';
import { jblLineupRoutes } from './jbl/lineup-routes.ts';
import { jblSellerRoutes } from './jbl/seller/routes.ts';

/** Every bounded context's routes, in one list: adding a context is adding a line here. */
export const contexts: RoutePlugin[] = [
  healthRoutes,
  accessRoutes,
  auditRoutes,
  referenceRoutes,
  registryRoutes,
  registryReferenceRoutes,
  importRoutes,
  exportRoutes,
  outcomesRoutes,
  journeyRoutes,
  permitRoutes,
  overlapRoutes,
  catalogSearchRoutes,
  productRoutes,
  productPhotoRoutes,
  curationRoutes,
  notificationRoutes,
  buyingRoutes,
  fulfilmentRoutes,
  sellerRoutes,
  shareRoutes,
  planRoutes,
  ocdsRoutes,
  qrisRoutes,
  jblRoutes,
  jblOrderRoutes,
  jblLineupRoutes,
  jblReportRoutes,
  jblSellerRoutes,
];

export const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export function createApp(deps: Omit<AppDeps, 'webDir'> & { webDir?: string }, logLevel?: string) {
  return buildServer({ webDir: WEB_DIR, ...deps }, { contexts, logLevel });
}
