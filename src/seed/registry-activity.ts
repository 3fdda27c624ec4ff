// Registry activity: what members did after registering — the 7P journey (shaped like the real funnel of
// 27 Oct 2021, DOMAIN.md §2), the first size-class history row, and permits (NIB, PIRT, halal, HAKI, BPOM).
//
// Determinism: every member draws from its own PRNG stream keyed by the seed, its name and its registration
// instant, so the result does not depend on ids or batch order, and the same rows come out whether this runs
// inside the full seed or alone (`npm run seed -- --only registry-activity`) over members already loaded.
// Journey dates lie between registration and the data horizon (fixed). Permit expiry dates are the one part
// relative to a reference day (`today`, explicit): so that "expires within 30 days" exists whenever the data
// is loaded, each permit's expiry is drawn as an offset from that day. Same seed + same today = same rows.
import type { Queryable } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';
import { type SizeThresholds, sizeClassOf } from '../registry/size-class.ts';
import { ColumnBuffer, Pipeline } from './bulk.ts';
import type { SeedModule } from './context.ts';
import { mulberry32, type Rng, streamSeed } from './prng.ts';
import { type Progress, silentProgress } from './progress.ts';
import { lines } from './vocabulary.ts';

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;
/** The last day generated activity reaches (the catalog's too). */
export const HORIZON = '2025-05-31';

/** Share of members reaching each stage, P1…P7 (DOMAIN.md §2: 284,164 → 6,159). */
export const FUNNEL_SHARE = [1, 0.62, 0.55, 0.52, 0.16, 0.12, 0.02] as const;
/** A stage below a member's deepest one is skipped this often (stages are needs-based). */
const SKIP = 0.1;

/**
 * Depth d = the deepest stage reached. Stage k is reached when d = k, or d > k and k is not skipped, so
 * reached(k) = p(k) − SKIP·p(k+1) with p(k) = P(d ≥ k); solved backwards for p from the target shares.
 */
function depthWeights(): number[] {
  const p = new Array<number>(9).fill(0);
  for (let k = 7; k >= 1; k--) p[k] = k === 1 ? 1 : FUNNEL_SHARE[k - 1]! + SKIP * p[k + 1]!;
  return [1, 2, 3, 4, 5, 6, 7].map((k) => p[k]! - p[k + 1]!);
}
const DEPTH_WEIGHTS = depthWeights();

const TRAININGS = [
  'Pemasaran digital untuk UMKM',
  'Pengemasan dan label produk',
  'Keamanan pangan (CPPOB)',
  'Pembukuan sederhana dengan ponsel',
  'Foto produk dengan ponsel',
  'Mendaftar NIB melalui OSS',
  'Sertifikasi halal jalur self-declare',
  'Akses permodalan dan KUR',
  'Menghitung harga pokok penjualan',
  'Berjualan di e-Katalog dan e-Order',
  'Pelayanan pelanggan',
  'Manajemen stok dan bahan baku',
];
const MENTORS = ['Pendamping PJLP kecamatan', 'Mentor Jakpreneur', 'Konsultan PLUT-KUMKM', 'Pendamping halal (PPH)'];
const SALE_CHANNELS = [
  'Jumat Beli Lokal',
  'e-Order',
  'Marketplace',
  'Bazar kecamatan',
  'UMKM Goes To Mall',
  'Media sosial',
];

const JOURNEY_COLUMNS = [
  ['umkm_id', 'int8'],
  ['stage', 'int2'],
  ['reached_on', 'date'],
  ['evidence', 'jsonb'],
  ['recorded_at', 'timestamptz'],
] as const;
const PERMIT_COLUMNS = [
  ['umkm_id', 'int8'],
  ['kind', 'text'],
  ['number', 'text'],
  ['issued_on', 'date'],
  ['expires_on', 'date'],
  ['created_at', 'timestamptz'],
] as const;
const SIZE_COLUMNS = [
  ['umkm_id', 'int8'],
  ['size_class', 'text'],
  ['basis', 'text'],
  ['capital', 'int8'],
  ['annual_sales', 'int8'],
  ['rule_effective_from', 'date'],
  ['changed_at', 'timestamptz'],
] as const;

interface Row {
  id: number;
  name: string;
  registered_at: Date;
  kbli_code: string;
  village_code: string;
  nib: string | null;
  capital: number | null;
  annual_sales: number | null;
  start_year: number | null;
  size_class: string | null;
}

export interface ActivityOptions {
  seed: number;
  /** The reference day (WIB, YYYY-MM-DD) permit expiry dates are drawn around. */
  today: string;
  batch?: number;
  parallel?: number;
  progress?: Progress;
  /** Fed with what was drawn (not the absolute expiry dates): same seed, same digest, whatever `today`. */
  digest?: { update(s: string): unknown };
}

const dayNo = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An expiry around `today`: 5% within the next 30 days, 10% already past, the rest later within the validity. */
function expiryOffset(rng: Rng, validityDays: number): number {
  const u = rng.next();
  if (u < 0.05) return rng.int(0, 30);
  if (u < 0.15) return -rng.int(1, 540);
  return rng.int(31, validityDays - 1);
}

/**
 * Generates and inserts the activity of the given members (ids of `umkm` rows). Returns row counts per table.
 */
export async function seedRegistryActivity(
  q: Queryable,
  ids: readonly number[],
  opts: ActivityOptions,
): Promise<Record<string, number>> {
  const batch = opts.batch ?? 5_000;
  const progress = opts.progress ?? silentProgress;
  const today = dayNo(opts.today);
  const horizon = dayNo(HORIZON);
  const food = new Set(
    (await q.query<{ code: string }>('select code from product_category where is_food')).map((r) => r.code),
  );
  const lineOf = new Map(lines.map((l) => [l.kbli, l]));
  const lenders = (await q.query<{ name: string }>('select name from lender order by code')).map((r) => r.name);
  if (!lenders.length) lenders.push('Bank DKI');
  const organisers = [
    'Dinas PPKUKM',
    ...(await q.query<{ name: string }>('select name from fostering_agency order by code')).map((r) => r.name),
  ];
  const rules = await q.query<{ effective_from: string; value: SizeThresholds }>(
    `select effective_from, value from setting where key = 'registry.size_class_thresholds' order by effective_from`,
  );
  if (!rules.length) throw new Error('setting registry.size_class_thresholds is missing');
  const counts = { journey_stage: 0, permit: 0, size_class_history: 0 };
  const pipeline = new Pipeline(opts.parallel ?? 1);

  for (let start = 0; start < ids.length; start += batch) {
    const chunk = ids.slice(start, start + batch);
    const rows = await q.query<Row>(
      `select id, name, registered_at, kbli_code, village_code, nib, capital, annual_sales, start_year, size_class from umkm where id = any($1::int8[])`,
      [chunk],
    );
    // In the order given (generation order in a full seed), so the digest does not depend on how ids fell.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = chunk.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const journey = new ColumnBuffer(JOURNEY_COLUMNS);
    const permits = new ColumnBuffer(PERMIT_COLUMNS);
    const sizes = new ColumnBuffer(SIZE_COLUMNS);

    for (const m of ordered) {
      const regMs = m.registered_at.getTime();
      const rng = mulberry32(streamSeed(opts.seed, `activity|${m.name}|${regMs}`));
      const regDay = Math.floor((regMs + WIB) / DAY); // the WIB calendar day of registration
      const line = lineOf.get(m.kbli_code);
      const isFood = line ? food.has(line.category) : false;

      // Journey: the deepest stage, then skips below it; dates spread between registration and the horizon.
      const depth = rng.weighted(DEPTH_WEIGHTS) + 1;
      const reached = [1];
      for (let k = 2; k <= depth; k++) if (k === depth || !rng.chance(SKIP)) reached.push(k);
      const span = Math.max(1, horizon - regDay);
      const days = reached
        .slice(1)
        .map(() => regDay + 1 + Math.floor(rng.next() * span))
        .sort((a, b) => a - b);
      const dayOf = new Map<number, number>([[1, regDay]]);
      for (const [i, k] of reached.slice(1).entries()) dayOf.set(k, Math.min(horizon, days[i]!));
      const hasP4 = dayOf.has(4);

      // Permits. NIB for every member who has one; PIRT and halal for a good share of food businesses (more
      // among those who reached P4); HAKI and BPOM for some others.
      const own: { kind: string; number: string; issued: number; expires: number | null }[] = [];
      if (m.nib) own.push({ kind: 'nib', number: m.nib, issued: regDay - rng.int(0, 700), expires: null });
      const timed = (kind: string, number: string, years: number, indefinite = 0) => {
        const validity = Math.round(years * 365.25);
        if (rng.chance(indefinite))
          own.push({
            kind,
            number,
            issued: Math.min(dayOf.get(4) ?? regDay, horizon) - rng.int(0, 200),
            expires: null,
          });
        else {
          const expires = today + expiryOffset(rng, validity);
          own.push({ kind, number, issued: expires - validity, expires });
        }
      };
      const city = m.village_code.slice(0, 4);
      if (isFood && rng.chance(hasP4 ? 0.85 : 0.2))
        timed('pirt', `P-IRT ${rng.int(1, 5)}${pad(rng.int(1, 12))}${city}${digits(rng, 8)}`, 5);
      if (isFood && rng.chance((line?.halal ?? 0.8) * (hasP4 ? 0.8 : 0.25)))
        timed('halal', `ID${city}${digits(rng, 13)}`, 4, 0.3); // since UU 6/2023 a certificate may have no end date
      if (!isFood && m.kbli_code === '20232' && rng.chance(hasP4 ? 0.6 : 0.1))
        timed('bpom', `NA18${digits(rng, 9)}`, 3);
      if (!isFood && rng.chance(hasP4 ? 0.3 : 0.03)) timed('haki', `IDM000${digits(rng, 6)}`, 10);
      if (hasP4 && own.length === 0)
        timed(
          isFood ? 'pirt' : 'haki',
          isFood ? `P-IRT 2${pad(rng.int(1, 12))}${city}${digits(rng, 8)}` : `IDM000${digits(rng, 6)}`,
          isFood ? 5 : 10,
        );
      for (const p of own)
        permits.push(
          m.id,
          p.kind,
          p.number,
          isoOf(p.issued),
          p.expires === null ? null : isoOf(p.expires),
          new Date(p.issued * DAY + 3 * 3_600_000).toISOString(),
        );

      for (const k of reached) {
        const day = dayOf.get(k)!;
        const date = isoOf(day);
        let evidence: object;
        switch (k) {
          case 1:
            evidence = { channel: 'seed' };
            break;
          case 2: {
            const n = rng.weighted([60, 28, 12]) + 1;
            evidence = {
              trainings: Array.from({ length: n }, (_, i) => ({
                title: rng.pick(TRAININGS),
                organiser: rng.pick(organisers),
                date: isoOf(Math.max(regDay, day - i * rng.int(7, 60))),
              })),
            };
            break;
          }
          case 3:
            evidence = { sessions: rng.int(1, 12), mentor: rng.pick(MENTORS) };
            break;
          case 4:
            evidence = { permitNumbers: own.map((p) => p.number) };
            break;
          case 5:
            evidence = { firstSale: { date, amount: rng.int(5, 400) * 5_000 }, channel: rng.pick(SALE_CHANNELS) };
            break;
          case 6:
            evidence = { months: rng.int(3, 24) };
            break;
          default:
            evidence = { loan: { lender: rng.pick(lenders), amount: rng.int(1, 100) * 5_000_000, date } };
        }
        journey.push(m.id, k, date, JSON.stringify(evidence), new Date(day * DAY + 3 * 3_600_000).toISOString());
      }

      // The first size-class row: the class the register holds, with the basis and rule the thresholds give.
      const regDate = isoOf(regDay);
      const rule = [...rules].reverse().find((r) => r.effective_from <= regDate) ?? rules[0]!;
      const basis =
        sizeClassOf(
          { capital: m.capital, annualSales: m.annual_sales, startYear: m.start_year },
          rule.value,
          Number(regDate.slice(0, 4)),
        )?.basis ?? 'annual_sales';
      if (m.size_class)
        sizes.push(
          m.id,
          m.size_class,
          basis,
          m.capital,
          m.annual_sales,
          rule.effective_from,
          m.registered_at.toISOString(),
        );

      opts.digest?.update(
        `${reached.join('')}|${[...dayOf.values()].join(',')}|${own.map((p) => `${p.kind}:${p.number}:${p.expires === null ? '-' : p.expires - today}`).join(',')}\n`,
      );
    }

    await pipeline.add(async () => {
      await journey.flush(q, 'journey_stage');
      await permits.flush(q, 'permit');
      await sizes.flush(q, 'size_class_history');
      counts.journey_stage += journey.length;
      counts.permit += permits.length;
      counts.size_class_history += sizes.length;
      progress.tick(rows.length);
    });
  }
  await pipeline.drain();
  return counts;
}

/** Members loaded by an earlier seed that have no journey yet: what `--only registry-activity` fills in. */
export async function membersWithoutActivity(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `select u.id from umkm u where u.registration_channel = 'seed' and not exists (select 1 from journey_stage j where j.umkm_id = u.id) order by u.id`,
  );
  return rows.map((r) => r.id);
}

export function registryActivityModule(today?: string): SeedModule {
  return {
    name: 'registry-activity',
    units: (scale) => scale.umkm,
    async run(ctx) {
      return seedRegistryActivity(
        ctx.q,
        ctx.members.map((m) => m.id),
        {
          seed: ctx.seed,
          today: today ?? localDate(new Date()),
          batch: ctx.batch,
          parallel: ctx.parallel,
          progress: ctx.progress,
          digest: ctx.digest,
        },
      );
    },
  };
}
