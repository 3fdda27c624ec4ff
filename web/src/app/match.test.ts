import { describe, expect, it } from 'vitest';
import { findRoute, matchPath } from './match.ts';

describe('route matching', () => {
  it('matches literal paths, ignoring a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/masuk', '/masuk')).toEqual({});
    expect(matchPath('/masuk', '/masuk/')).toEqual({});
    expect(matchPath('/masuk', '/daftar')).toBeNull();
    expect(matchPath('/', '/masuk')).toBeNull();
    expect(matchPath('/masuk', '/masuk/lagi')).toBeNull();
  });

  it('captures and decodes :parameters', () => {
    expect(matchPath('/produk/:id', '/produk/42')).toEqual({ id: '42' });
    expect(matchPath('/wilayah/:kota/:kecamatan', '/wilayah/3171/Gambir%20Baru')).toEqual({
      kota: '3171',
      kecamatan: 'Gambir Baru',
    });
    expect(matchPath('/produk/:id', '/produk/%E0%A4%A')).toBeNull();
  });

  it('takes the first matching route, or none', () => {
    const routes = [{ path: '/produk/baru' }, { path: '/produk/:id' }];
    expect(findRoute(routes, '/produk/baru')?.route.path).toBe('/produk/baru');
    expect(findRoute(routes, '/produk/7')).toEqual({ route: routes[1], params: { id: '7' } });
    expect(findRoute(routes, '/tidak-ada')).toBeNull();
  });
});

describe('the app’s own routes', () => {
  it('sends every fixed Jumat Beli Lokal page to its page, not to the edition storefront', async () => {
    const { routes } = await import('./routes.ts');
    for (const path of [
      '/jumat-beli-lokal/edisi',
      '/jumat-beli-lokal/omzet',
      '/jumat-beli-lokal/pembayaran',
      '/jumat-beli-lokal/partisipasi-asn',
    ])
      expect(findRoute(routes, path)?.route.path).toBe(path);
    expect(findRoute(routes, '/jumat-beli-lokal/12')?.route.path).toBe('/jumat-beli-lokal/:editionId');
    expect(findRoute(routes, '/jumat-beli-lokal/pesanan/abc')?.route.path).toBe('/jumat-beli-lokal/pesanan/:token');
  });
});
