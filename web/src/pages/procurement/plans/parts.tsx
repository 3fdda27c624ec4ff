// Parts shared by the plan pages: loading a GET, the row errors of an import, the menu between the pages.
import type { ReactNode } from 'react';
import { api } from '../../../app/api.ts';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { useResource } from '../../../ui/load.ts';
import { messages } from './i18n.ts';

export type PlansI18n = AreaI18n<keyof typeof messages.id>;
export const usePlansI18n = (): PlansI18n => useAreaI18n(messages);

/** GET `path` (null: nothing to load) as a resource with `data`. */
export function useGet<T>(path: string | null) {
  return useResource<{ data: T }>(() => (path ? api<T>(path).then((data) => ({ data })) : undefined), [path], {
    keep: true,
  });
}

export const mayUse = (me: Me, rule: string) => me.abilities.includes(`procurement.${rule}`);

export interface RowError {
  line: number;
  field: string;
  message: { id: string; en: string };
}

export function RowErrors({ errors, i18n }: { errors: RowError[]; i18n: PlansI18n }) {
  if (!errors.length) return null;
  return (
    <details open={errors.length <= 10}>
      <summary>
        {i18n.t('plans.errors')} ({errors.length})
      </summary>
      <ul className="plans-errors">
        {errors.slice(0, 200).map((e) => (
          <li key={`${e.line}-${e.field}`}>
            {i18n.t('plans.errorLine', { line: e.line, field: e.field, message: e.message[i18n.lang] })}
          </li>
        ))}
      </ul>
    </details>
  );
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: RowError[];
}

export function PlansNav({ i18n }: { i18n: PlansI18n }) {
  return (
    <nav aria-label={i18n.t('plans.nav.label')} className="actions">
      <Link href="/pengadaan/instansi">{i18n.t('plans.nav.agencies')}</Link>
      <Link href="/pengadaan/belanja-luar">{i18n.t('plans.nav.spending')}</Link>
      <Link href="/pengadaan/rup">{i18n.t('plans.nav.rup')}</Link>
    </nav>
  );
}

/** A horizontally contained table (its own scroll on a narrow phone, never the page's). */
export const TableBox = ({ children }: { children: ReactNode }) => (
  <div className="table-scroll" style={{ overflowX: 'auto', maxWidth: '100%' }}>
    {children}
  </div>
);
