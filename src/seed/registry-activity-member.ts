// One member's registry activity, drawn from its own PRNG stream (see registry-activity.ts): the journey stages
// and their evidence, the permits, and the first size-class row, pushed to the batch's column buffers. The order
// of the draws is the seed's contract: changing it changes every generated row.
import { type SizeThresholds, sizeClassOf } from '../registry/size-class.ts';
import type { ColumnBuffer } from './bulk.ts';
import { mulberry32, type Rng, streamSeed } from './prng.ts';
import type { lines } from './vocabulary.ts';

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;

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

export interface Row {
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

export const dayNo = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
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

/** What every member's draw reads: the seed, the days it works between, and the reference data loaded once. */
export interface DrawEnv {
  seed: number;
  /** `today` and the horizon, as day numbers. */
  today: number;
  horizon: number;
  food: ReadonlySet<string>;
  lineOf: ReadonlyMap<string, (typeof lines)[number]>;
  lenders: readonly string[];
  organisers: readonly string[];
  rules: readonly { effective_from: string; value: SizeThresholds }[];
  digest?: { update(s: string): unknown };
}

/** The batch's column buffers the draw pushes to. */
export interface ActivityBuffers {
  journey: ColumnBuffer;
  permits: ColumnBuffer;
  sizes: ColumnBuffer;
}

/** Draws one member's activity into the buffers (and the digest). */
export function drawMemberActivity(m: Row, env: DrawEnv, out: ActivityBuffers): void {
  const regMs = m.registered_at.getTime();
  const rng = mulberry32(streamSeed(env.seed, `activity|${m.name}|${regMs}`));
  const regDay = Math.floor((regMs + WIB) / DAY); // the WIB calendar day of registration
  const line = env.lineOf.get(m.kbli_code);
  const isFood = line ? env.food.has(line.category) : false;

  // Journey: the deepest stage, then skips below it; dates spread between registration and the horizon.
  const depth = rng.weighted(DEPTH_WEIGHTS) + 1;
  const reached = [1];
  for (let k = 2; k <= depth; k++) if (k === depth || !rng.chance(SKIP)) reached.push(k);
  const span = Math.max(1, env.horizon - regDay);
  const days = reached
    .slice(1)
    .map(() => regDay + 1 + Math.floor(rng.next() * span))
    .sort((a, b) => a - b);
  const dayOf = new Map<number, number>([[1, regDay]]);
  for (const [i, k] of reached.slice(1).entries()) dayOf.set(k, Math.min(env.horizon, days[i]!));
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
        issued: Math.min(dayOf.get(4) ?? regDay, env.horizon) - rng.int(0, 200),
        expires: null,
      });
    else {
      const expires = env.today + expiryOffset(rng, validity);
      own.push({ kind, number, issued: expires - validity, expires });
    }
  };
  const city = m.village_code.slice(0, 4);
  if (isFood && rng.chance(hasP4 ? 0.85 : 0.2))
    timed('pirt', `P-IRT ${rng.int(1, 5)}${pad(rng.int(1, 12))}${city}${digits(rng, 8)}`, 5);
  if (isFood && rng.chance((line?.halal ?? 0.8) * (hasP4 ? 0.8 : 0.25)))
    timed('halal', `ID${city}${digits(rng, 13)}`, 4, 0.3); // since UU 6/2023 a certificate may have no end date
  if (!isFood && m.kbli_code === '20232' && rng.chance(hasP4 ? 0.6 : 0.1)) timed('bpom', `NA18${digits(rng, 9)}`, 3);
  if (!isFood && rng.chance(hasP4 ? 0.3 : 0.03)) timed('haki', `IDM000${digits(rng, 6)}`, 10);
  if (hasP4 && own.length === 0)
    timed(
      isFood ? 'pirt' : 'haki',
      isFood ? `P-IRT 2${pad(rng.int(1, 12))}${city}${digits(rng, 8)}` : `IDM000${digits(rng, 6)}`,
      isFood ? 5 : 10,
    );
  for (const p of own)
    out.permits.push(
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
            organiser: rng.pick(env.organisers),
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
        evidence = { loan: { lender: rng.pick(env.lenders), amount: rng.int(1, 100) * 5_000_000, date } };
    }
    out.journey.push(m.id, k, date, JSON.stringify(evidence), new Date(day * DAY + 3 * 3_600_000).toISOString());
  }

  // The first size-class row: the class the register holds, with the basis and rule the thresholds give.
  const regDate = isoOf(regDay);
  const rule = [...env.rules].reverse().find((r) => r.effective_from <= regDate) ?? env.rules[0]!;
  const basis =
    sizeClassOf(
      { capital: m.capital, annualSales: m.annual_sales, startYear: m.start_year },
      rule.value,
      Number(regDate.slice(0, 4)),
    )?.basis ?? 'annual_sales';
  if (m.size_class)
    out.sizes.push(
      m.id,
      m.size_class,
      basis,
      m.capital,
      m.annual_sales,
      rule.effective_from,
      m.registered_at.toISOString(),
    );

  env.digest?.update(
    `${reached.join('')}|${[...dayOf.values()].join(',')}|${own.map((p) => `${p.kind}:${p.number}:${p.expires === null ? '-' : p.expires - env.today}`).join(',')}\n`,
  );
}
