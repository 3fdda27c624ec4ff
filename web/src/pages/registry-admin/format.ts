/** Pure formatting for the analysis pages (no React), unit-tested. */
export type Lang = 'id' | 'en';

/** A 0..n ratio as a percentage with one decimal: `61,7%` (id) / `61.7%` (en); null (no base) → `—`. */
export function percent(rate: number | null, lang: Lang): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const tenths = Math.round(rate * 1000);
  const whole = Math.trunc(tenths / 10);
  const frac = Math.abs(tenths % 10);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  return `${tenths < 0 ? '-' : ''}${grouped}${frac ? `${lang === 'id' ? ',' : '.'}${frac}` : ''}%`;
}

/** A file size a person reads: `850 B`, `12 KB`, `1,4 MB` (id) / `1.4 MB` (en). */
export function fileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = (Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1);
  return `${lang === 'id' ? mb.replace('.', ',') : mb} MB`;
}

/** A bar's length as a share of the longest one (0–100, at least a sliver for a non-zero count). */
export function barWidth(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(0.5, Math.min(100, (value / max) * 100));
}

/** Query string of the set filters only (empty values left out), in a stable order. */
export function queryOf(filters: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
