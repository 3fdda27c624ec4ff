import type { ReactNode } from 'react';
import { useAreaI18n } from '../../../i18n/area.ts';
import { messages } from './i18n.ts';

/** Parts the share and payment pages share: the lazily loaded chart, percentages, grade badges. */

export { LazyChart } from '../../../ui/chart/LazyChart.tsx';

/** 0.4123 → "41,2%" (id) / "41.2%" (en); null → "–". */
export function pct(v: number | null | undefined, lang: 'id' | 'en', digits = 1): string {
  if (v === null || v === undefined) return '–';
  return `${(v * 100).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

const GRADE_TONE: Record<string, string> = { 'A+': 'good', A: 'good', B: 'ok', C: 'warn', D: 'warn', F: 'bad' };

export function GradeBadge({ grade }: { grade: string | null }) {
  const { t } = useAreaI18n(messages);
  if (!grade) return <span className="sh-grade sh-none">–</span>;
  return (
    <span className={`sh-grade sh-${GRADE_TONE[grade] ?? 'ok'}`} title={t('share.grade', { grade })}>
      <span className="sr-only">{t('share.grade', { grade: '' })}</span>
      {grade}
    </span>
  );
}

/** A wide table scrolls inside its own box (never the page) and can be reached with the keyboard. */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
    <div className="sh-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** "2026-03" → "Mar 2026" in the reader's language. */
export function monthName(key: string, lang: 'id' | 'en'): string {
  const [y, m] = key.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, 1)).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A period key (2026-03, 2026-Q1, 2026) as a reader says it. */
export function periodName(key: string, lang: 'id' | 'en'): string {
  if (/^\d{4}-\d{2}$/.test(key)) return monthName(key, lang);
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  if (q) return lang === 'id' ? `Triwulan ${q[2]} ${q[1]}` : `Q${q[2]} ${q[1]}`;
  return key;
}
