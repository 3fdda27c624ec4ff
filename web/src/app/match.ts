/**
 * Route matching, kept pure for unit tests. Patterns are literal segments and `:name` parameters
 * (`/produk/:id`); the first matching route wins.
 */
export type RouteParams = Record<string, string>;

export function matchPath(pattern: string, path: string): RouteParams | null {
  const p = split(pattern);
  const s = split(path);
  if (p.length !== s.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < p.length; i++) {
    const want = p[i]!;
    const got = s[i]!;
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null; // a malformed %-escape is no page of ours
      }
    } else if (want !== got) return null;
  }
  return params;
}

export function findRoute<R extends { path: string }>(
  routes: readonly R[],
  path: string,
): { route: R; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** A trailing slash or a doubled one does not make a different page: `/masuk/` is `/masuk`. */
function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}
