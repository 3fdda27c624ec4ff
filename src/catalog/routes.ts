// Catalogue search and the product page: public, read-only.
import type { RoutePlugin } from '../platform/http/server.ts';
import { getProduct } from './get-product.ts';
import { ProductPage, ProductParams, SearchQuery, SearchResult } from './schema.ts';
import { searchProducts } from './search-products.ts';

export const catalogSearchRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/catalog/search',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'searchProducts',
        tags: ['catalog'],
        summary:
          'Search curated products: Indonesian stemming, typo correction from the catalogue, facets, keyset pages',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (req) => searchProducts(db, req.query),
  );

  app.get(
    '/api/catalog/products/:productId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getCatalogProduct',
        tags: ['catalog'],
        summary: "A curated product's page: the seller's public profile and where to buy it",
        params: ProductParams,
        response: { 200: ProductPage },
      },
    },
    async (req) => getProduct(db, req.params.productId),
  );
};
