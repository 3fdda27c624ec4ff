// The catalogue's figures and lists for the role homes (src/access/home.ts).
import type { Queryable } from '../platform/db/types.ts';
import { fig, type Figure, type ListItem, same } from '../platform/home-figures.ts';
import type { Bilingual } from '../platform/http/problem.ts';
import { formatRupiah } from '../platform/money.ts';

const STATUS: Record<string, Bilingual> = {
  draft: { id: 'draf', en: 'draft' },
  published: { id: 'terbit', en: 'published' },
  archived: { id: 'diarsipkan', en: 'archived' },
};

/** Published products and the businesses supplying them (one scan). */
export async function publishedFigures(db: Queryable): Promise<{ available: Figure; suppliers: Figure }> {
  const [r] = await db.query<{ available: number; suppliers: number }>(
    `select count(*) as available, count(distinct umkm_id) as suppliers from product where status = 'published'`,
  );
  return {
    available: fig('Produk UMKM tersedia', 'UMKM products available', r?.available ?? 0),
    suppliers: fig('UMKM pemasok', 'Supplying UMKM', r?.suppliers ?? 0),
  };
}

/** Every product, drafts and archived included. */
export async function allProductsFigure(db: Queryable): Promise<Figure> {
  const [r] = await db.query<{ n: number }>('select count(*) as n from product');
  return fig('Produk', 'Products', r?.n ?? 0);
}

/** An owner's products: the count and the first eight, with price and status. */
export async function ownerProducts(db: Queryable, ownerId: number): Promise<{ figure: Figure; items: ListItem[] }> {
  const [n] = await db.query<{ n: number }>(
    'select count(*) as n from product p join umkm u on u.id = p.umkm_id where u.owner_id = $1',
    [ownerId],
  );
  const rows = await db.query<{ name: string; price: number; status: string }>(
    'select p.name, p.price, p.status from product p join umkm u on u.id = p.umkm_id where u.owner_id = $1 order by p.id limit 8',
    [ownerId],
  );
  return {
    figure: fig('Produk saya', 'My products', n?.n ?? 0),
    items: rows.map((r) => ({
      primary: r.name,
      secondary: {
        id: `${formatRupiah(r.price)} · ${STATUS[r.status]?.id ?? r.status}`,
        en: `${formatRupiah(r.price, 'en')} · ${STATUS[r.status]?.en ?? r.status}`,
      },
    })),
  };
}

/** The newest published products, with their business. */
export async function newestProducts(db: Queryable): Promise<ListItem[]> {
  const rows = await db.query<{ name: string; umkm: string }>(
    `select p.name, u.name as umkm from product p join umkm u on u.id = p.umkm_id where p.status = 'published' order by p.id desc limit 8`,
  );
  return rows.map((r) => ({ primary: r.name, secondary: same(r.umkm) }));
}
