// Catalog: ~4 products per member, drawn from the product families of the member's line of business, so names,
// categories, units and prices match its KBLI. Prices are whole rupiah rounded as a seller would (Rp500, Rp1.000, …).
import { fillCatalogSearch, withSearchInsertsDeferred } from '../catalog/bulk-load.ts';
import { refreshCatalogTerms } from '../catalog/terms.ts';
import { ColumnBuffer, Pipeline } from './bulk.ts';
import type { SeedModule } from './context.ts';
import type { Rng } from './prng.ts';
import { lines } from './vocabulary.ts';

const DAY = 86_400_000;
const CHANNELS = ['e_order', 'jbl', 'mall'] as const;
const LAST = Date.UTC(2025, 4, 31);

const PRODUCT_COLUMNS = [
  ['umkm_id', 'int8'],
  ['name', 'text'],
  ['description', 'text'],
  ['category_code', 'text'],
  ['kbli_code', 'text'],
  ['price', 'int8'],
  ['unit', 'text'],
  ['stock', 'int4'],
  ['min_order', 'int4'],
  ['lead_time_days', 'int4'],
  ['halal', 'bool'],
  ['status', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['curation_status', 'text'],
  ['curation_grade', 'text'],
  ['curated_at', 'timestamptz'],
  ['channel_e_order', 'bool'],
  ['channel_jbl', 'bool'],
  ['channel_mall', 'bool'],
] as const;

const FOOD_NOTES = [
  'Dibuat setiap hari tanpa pengawet.',
  'Bahan pilihan, dikemas higienis.',
  'Cocok untuk oleh-oleh dan acara kantor.',
  'Resep keluarga turun-temurun.',
  'Tahan 7 hari di suhu ruang.',
  'Simpan di lemari pendingin setelah dibuka.',
  'Bisa pesan untuk hajatan dan rapat.',
  'Rasa khas Betawi.',
];
const GOODS_NOTES = [
  'Buatan tangan pengrajin lokal.',
  'Bahan berkualitas, jahitan rapi.',
  'Bisa pesan motif dan ukuran khusus.',
  'Cocok untuk suvenir dan hadiah.',
  'Melayani pesanan partai untuk instansi.',
  'Dikemas rapi dalam kotak.',
  'Produk asli Jakarta.',
];

/**
 * Where a product stands in curation. Almost every published product of the jakarta scale has been curated (the
 * issue wants ≥ 1.4 million of 1.5 million searchable); the rest wait at some step, were rejected, or were never
 * submitted. Food and drink get the kurator's grade (most B); channels follow what the product suits: meeting food
 * for e-Order, crafts and clothing for the mall, nearly everything for Jumat Beli Lokal. Drawn from its own stream,
 * so names and prices do not change with these shares.
 */
export function curationOf(
  rng: Rng,
  status: string,
  food: boolean,
  created: number,
): { status: string; grade: string | null; at: string | null; channels: string[] } {
  const none = { grade: null, at: null, channels: [] as string[] };
  const c = rng.next();
  let curated = false;
  if (status === 'published') {
    if (c >= 0.992)
      return {
        status: (['submitted', 'verified', 'validated', 'rejected', 'none'] as const)[rng.int(0, 4)] ?? 'none',
        ...none,
      };
    curated = true;
  } else if (status === 'draft') {
    return { status: c < 0.7 ? 'none' : 'rejected', ...none }; // a rejected product back in draft, being improved
  } else curated = c < 0.6; // archived: many were curated once
  if (!curated) return { status: 'none', ...none };
  const at = created + Math.floor(rng.next() * Math.max(DAY, LAST - created));
  const channels = food
    ? [rng.chance(0.75) && 'e_order', rng.chance(0.55) && 'jbl', rng.chance(0.2) && 'mall']
    : [rng.chance(0.15) && 'e_order', rng.chance(0.55) && 'jbl', rng.chance(0.45) && 'mall'];
  const picked = channels.filter((x): x is string => typeof x === 'string');
  return {
    status: 'curated',
    grade: food ? ['A', 'B', 'B', 'C', 'A', 'B', 'B', 'B', 'C', 'A'][rng.int(0, 9)]! : null,
    at: new Date(Math.min(at, LAST)).toISOString(),
    channels: picked.length ? picked : ['jbl'],
  };
}

/**
 * How many products each member lists: 1 to 10, most 2–5, adjusted so the total is exactly the scale's.
 * Deterministic: it depends only on the stream and the scale.
 */
function productCounts(rng: Rng, members: number, total: number): number[] {
  const shape = [0, 14, 20, 20, 16, 11, 8, 5, 3, 2, 1]; // weight of 0..10 products
  const counts = Array.from({ length: members }, () => rng.weighted(shape));
  const floor = total >= members ? 1 : 0;
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total && members > 0) {
    const i = rng.int(0, members - 1);
    const c = counts[i]!;
    if (sum < total && c < 10) {
      counts[i] = c + 1;
      sum++;
    } else if (sum > total && c > floor) {
      counts[i] = c - 1;
      sum--;
    }
  }
  return counts;
}

export function catalogModule(): SeedModule {
  return {
    name: 'catalog',
    units: (scale) => scale.products,
    async run(ctx) {
      const rng = ctx.rng('catalog');
      const curationRng = ctx.rng('catalog-curation');
      const categories = new Set(
        (await ctx.q.query<{ code: string }>('select code from product_category')).map((r) => r.code),
      );
      const missing = lines.map((l) => l.category).filter((c) => !categories.has(c));
      if (missing.length)
        throw new Error(`product categories missing (migration 0006): ${[...new Set(missing)].join(', ')}`);
      const foodCategories = new Set(
        (await ctx.q.query<{ code: string }>('select code from product_category where is_food')).map((r) => r.code),
      );
      const { villages, cities } = ctx.geography;
      const counts = productCounts(rng, ctx.members.length, ctx.scale.products);
      const batchRows = ctx.batch * 2;
      let buf = new ColumnBuffer(PRODUCT_COLUMNS);
      const pipeline = new Pipeline(ctx.parallel);
      let written = 0;
      const [before] = await ctx.q.query<{ id: number }>('select coalesce(max(id), 0)::int8 as id from product');

      const flush = async () => {
        const b = buf;
        buf = new ColumnBuffer(PRODUCT_COLUMNS);
        await pipeline.add(async () => {
          await b.flush(ctx.q, 'product');
          written += b.length;
          ctx.progress.tick(b.length);
        });
      };

      await withSearchInsertsDeferred(ctx.q, async () => {
        for (let m = 0; m < ctx.members.length; m++) {
          const member = ctx.members[m]!;
          const line = lines[member.line]!;
          const village = villages[member.village]!;
          const food = foodCategories.has(line.category);
          const seen = new Set<string>();
          for (let k = 0; k < counts[m]!; k++) {
            let name = '';
            let family = line.products[0]!;
            let pack = family.packs[0]!;
            let base = '';
            for (let attempt = 0; attempt < 5; attempt++) {
              family = rng.pick(line.products);
              pack = rng.pick(family.packs);
              base = `${rng.pick(family.names)} ${rng.pick(family.variants)}`;
              // Most sellers put their own name on the label ("Keripik Singkong Balado Bu Sari 250 g").
              name = `${base}${rng.chance(0.7) ? ` ${member.brand}` : ''} ${pack[0]}`.slice(0, 200);
              if (!seen.has(name)) break;
            }
            seen.add(name);
            const [, lo, hi] = pack;
            const price = Math.max(
              family.round,
              Math.round((lo + rng.next() * (hi - lo)) / family.round) * family.round,
            );
            const created = member.registeredAt + Math.floor(rng.next() * Math.max(DAY, LAST - member.registeredAt));
            const updated = created + Math.floor(rng.next() * (LAST - created));
            const r = rng.next();
            const status = r < 0.99 ? 'published' : r < 0.996 ? 'draft' : 'archived';
            const curation = curationOf(curationRng, status, food, created);
            const note = rng.pick(food ? FOOD_NOTES : GOODS_NOTES);
            const description = `${base} buatan ${member.name}, ${village.name}, ${cities[village.city]!.shortName}. ${note}`;
            buf.push(
              member.id,
              name,
              description,
              line.category,
              line.kbli,
              price,
              family.unit,
              rng.int(line.stock[0], line.stock[1]),
              rng.int(line.min_order[0], line.min_order[1]),
              rng.int(line.lead_days[0], line.lead_days[1]),
              food && rng.chance(line.halal),
              status,
              new Date(created).toISOString(),
              new Date(updated).toISOString(),
              curation.status,
              curation.grade,
              curation.at,
              ...CHANNELS.map((ch) => curation.channels.includes(ch)),
            );
            ctx.digest.update(`${name}|${price}\n`);
            if (buf.length >= batchRows) await flush();
          }
        }
        await flush();
        await pipeline.drain();
      });
      // The searchable products' rows in one pass after the inserts, then the typo-correction vocabulary from them.
      const searchable = await fillCatalogSearch(ctx.q, before?.id ?? 0, ctx.parallel);
      const terms = await refreshCatalogTerms(ctx.q);
      return { product: written, catalog_search: searchable, catalog_term: terms };
    },
  };
}
