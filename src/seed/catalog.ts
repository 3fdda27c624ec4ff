// Catalog: ~4 products per member, drawn from the product families of the member's line of business, so names,
// categories, units and prices match its KBLI. Prices are whole rupiah rounded as a seller would (Rp500, Rp1.000, …).
import { ColumnBuffer, Pipeline } from './bulk.ts';
import type { SeedContext, SeedModule } from './context.ts';
import type { Rng } from './prng.ts';
import { lines } from './vocabulary.ts';

const DAY = 86_400_000;
const LAST = Date.UTC(2025, 4, 31);

const PRODUCT_COLUMNS = [
  ['umkm_id', 'int8'], ['name', 'text'], ['description', 'text'], ['category_code', 'text'], ['kbli_code', 'text'], ['price', 'int8'],
  ['unit', 'text'], ['stock', 'int4'], ['min_order', 'int4'], ['lead_time_days', 'int4'], ['halal', 'bool'], ['status', 'text'],
  ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
] as const;

const FOOD_NOTES = [
  'Dibuat setiap hari tanpa pengawet.', 'Bahan pilihan, dikemas higienis.', 'Cocok untuk oleh-oleh dan acara kantor.', 'Resep keluarga turun-temurun.',
  'Tahan 7 hari di suhu ruang.', 'Simpan di lemari pendingin setelah dibuka.', 'Bisa pesan untuk hajatan dan rapat.', 'Rasa khas Betawi.',
];
const GOODS_NOTES = [
  'Buatan tangan pengrajin lokal.', 'Bahan berkualitas, jahitan rapi.', 'Bisa pesan motif dan ukuran khusus.', 'Cocok untuk suvenir dan hadiah.',
  'Melayani pesanan partai untuk instansi.', 'Dikemas rapi dalam kotak.', 'Produk asli Jakarta.',
];

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
      const categories = new Set((await ctx.q.query<{ code: string }>('select code from product_category')).map((r) => r.code));
      const missing = lines.map((l) => l.category).filter((c) => !categories.has(c));
      if (missing.length) throw new Error(`product categories missing (migration 0006): ${[...new Set(missing)].join(', ')}`);
      const foodCategories = new Set((await ctx.q.query<{ code: string }>('select code from product_category where is_food')).map((r) => r.code));
      const { villages, cities } = ctx.geography;
      const counts = productCounts(rng, ctx.members.length, ctx.scale.products);
      const batchRows = ctx.batch * 2;
      let buf = new ColumnBuffer(PRODUCT_COLUMNS);
      const pipeline = new Pipeline(ctx.parallel);
      let written = 0;

      const flush = async () => {
        const b = buf;
        buf = new ColumnBuffer(PRODUCT_COLUMNS);
        await pipeline.add(async () => {
          await b.flush(ctx.q, 'product');
          written += b.length;
          ctx.progress.tick(b.length);
        });
      };

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
          const price = Math.max(family.round, Math.round((lo + rng.next() * (hi - lo)) / family.round) * family.round);
          const created = member.registeredAt + Math.floor(rng.next() * Math.max(DAY, LAST - member.registeredAt));
          const updated = created + Math.floor(rng.next() * (LAST - created));
          const r = rng.next();
          const status = r < 0.86 ? 'published' : r < 0.96 ? 'draft' : 'archived';
          const note = rng.pick(food ? FOOD_NOTES : GOODS_NOTES);
          const description = `${base} buatan ${member.name}, ${village.name}, ${cities[village.city]!.shortName}. ${note}`;
          buf.push(
            member.id, name, description, line.category, line.kbli, price, family.unit, rng.int(line.stock[0], line.stock[1]),
            rng.int(line.min_order[0], line.min_order[1]), rng.int(line.lead_days[0], line.lead_days[1]), food && rng.chance(line.halal), status,
            new Date(created).toISOString(), new Date(updated).toISOString(),
          );
          ctx.digest.update(`${name}|${price}\n`);
          if (buf.length >= batchRows) await flush();
        }
      }
      await flush();
      await pipeline.drain();
      return { product: written };
    },
  };
}
