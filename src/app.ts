import { fileURLToPath } from 'node:url';
import { healthRoutes } from './platform/http/health.ts';
import { buildServer, type AppDeps, type RoutePlugin } from './platform/http/server.ts';
import { referenceRoutes } from './platform/reference/routes.ts';
import { outcomesRoutes } from './outcomes/routes.ts';
import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './access/audit-routes.ts';
import { registryRoutes } from './registry/routes.ts';

/** Every bounded context's routes, in one list: adding a context is adding a line here. */
export const contexts: RoutePlugin[] = [healthRoutes, accessRoutes, auditRoutes, referenceRoutes, registryRoutes, outcomesRoutes];

export const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export function createApp(deps: Omit<AppDeps, 'webDir'> & { webDir?: string }, logLevel?: string) {
  return buildServer({ webDir: WEB_DIR, ...deps }, { contexts, logLevel });
}
