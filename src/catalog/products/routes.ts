// Product management for owners (and reading for the kecamatan desk, the Dinas and kurators). Photos: photo-routes.ts.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { actingAs, signedIn } from '../../platform/auth/acting.ts';
import { handleError, sendProblem, validationProblem, AppError } from '../../platform/http/problem.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { changeProductStatus } from './change-product-status.ts';
import { createProduct } from './create-product.ts';
import { getManagedProduct } from './get-managed-product.ts';
import { listCategories } from './list-categories.ts';
import { listMyBusinesses } from './list-my-businesses.ts';
import { listProducts } from './list-products.ts';
import { updateProduct } from './update-product.ts';
import { productPolicy } from './policy.ts';
import {
  Categories,
  FIELD_RULES,
  ListQuery,
  ManagedProduct,
  MyBusinesses,
  NewProduct,
  ProductList,
  ProductParams,
  ProductPatch,
  ProductSaved,
  StatusChange,
  UmkmParams,
} from './schema.ts';

/** Only an owner writes (productPolicy.editsProducts), acting as the owner. */
export const ownerAudit = (req: FastifyRequest) => actingAs(req, 'umkm_owner').who;

/**
 * The product form's validation failures name the rule of the field (FIELD_RULES: "Harga dalam rupiah bulat,
 * paling sedikit Rp 1.") instead of the generic "too small"; everything else as everywhere.
 */
export function productErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const invalid = validationProblem(err);
  if (!invalid) return handleError(err, req, reply);
  const fields = invalid.fields.map((f) => {
    const [where, key] = f.field.split('.');
    const rule = where === 'body' && key ? FIELD_RULES[key] : undefined;
    return rule && f.code !== 'unknown_field' ? { ...f, message: rule } : f;
  });
  return sendProblem(reply, req, new AppError(invalid.status, invalid.code, invalid.bilingual, fields));
}

export const productRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/catalog/categories',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listProductCategories',
        tags: ['catalog'],
        summary: 'Product categories (food and drink need a halal certificate)',
        response: { 200: Categories },
      },
    },
    async () => listCategories(db),
  );

  app.get(
    '/api/catalog/my-businesses',
    {
      config: { access: productPolicy.editsProducts },
      schema: {
        operationId: 'listMyBusinessesProducts',
        tags: ['catalog'],
        summary: "The caller's businesses with their product counts and halal certificate",
        response: { 200: MyBusinesses },
      },
    },
    async (req) => listMyBusinesses(db, req.actor),
  );

  app.get(
    '/api/catalog/members/:umkmId/products',
    {
      config: { access: productPolicy.readsProducts },
      schema: {
        operationId: 'listMemberProducts',
        tags: ['catalog'],
        summary: "A business's products, drafts included, newest first (keyset pages; within scope)",
        params: UmkmParams,
        querystring: ListQuery,
        response: { 200: ProductList },
      },
    },
    async (req) => listProducts(db, req.actor, { umkmId: req.params.umkmId, ...req.query }),
  );

  app.post(
    '/api/catalog/members/:umkmId/products',
    {
      config: { access: productPolicy.editsProducts },
      errorHandler: productErrors,
      schema: {
        operationId: 'createProduct',
        tags: ['catalog'],
        summary:
          'Add a product as a draft (send an Idempotency-Key: a retry after a lost answer creates nothing twice)',
        params: UmkmParams,
        body: NewProduct,
        response: { 201: ManagedProduct },
      },
    },
    async (req, reply) => {
      const out = await idempotent(db, req, async (tx) => ({
        status: 201,
        body: await createProduct(tx, actingAs(req, 'umkm_owner'), { umkmId: req.params.umkmId, product: req.body }),
      }));
      return reply.code(201).header('idempotent-replayed', String(out.replayed)).send(out.body);
    },
  );

  app.get(
    '/api/catalog/manage/products/:productId',
    {
      config: { access: productPolicy.readsProducts },
      schema: {
        operationId: 'getManagedProduct',
        tags: ['catalog'],
        summary: 'A product with everything its owner manages, drafts included (within scope)',
        params: ProductParams,
        response: { 200: ManagedProduct },
      },
    },
    async (req) => getManagedProduct(db, req.actor, { productId: req.params.productId }),
  );

  app.patch(
    '/api/catalog/manage/products/:productId',
    {
      config: { access: productPolicy.editsProducts },
      errorHandler: productErrors,
      schema: {
        operationId: 'updateProduct',
        tags: ['catalog'],
        summary:
          'Edit a product. Name, description, category or halal label return a curated product to "not curated"; price, stock and lead time keep it',
        params: ProductParams,
        body: ProductPatch,
        response: { 200: ProductSaved },
      },
    },
    async (req) => {
      const { curationReset } = await db.transaction((tx) =>
        updateProduct(tx, actingAs(req, 'umkm_owner'), { productId: req.params.productId, patch: req.body }),
      );
      return { ...(await getManagedProduct(db, signedIn(req), { productId: req.params.productId })), curationReset };
    },
  );

  app.post(
    '/api/catalog/manage/products/:productId/status',
    {
      config: { access: productPolicy.editsProducts },
      errorHandler: productErrors,
      schema: {
        operationId: 'setProductStatus',
        tags: ['catalog'],
        summary:
          'Publish (published), unpublish (draft), archive (archived) or restore (draft). Food and drink need a valid halal certificate (409 halal_certificate_required)',
        params: ProductParams,
        body: StatusChange,
        response: { 200: ManagedProduct },
      },
    },
    async (req) => {
      await db.transaction((tx) =>
        changeProductStatus(tx, actingAs(req, 'umkm_owner'), {
          productId: req.params.productId,
          status: req.body.status,
        }),
      );
      return getManagedProduct(db, req.actor, { productId: req.params.productId });
    },
  );
};
