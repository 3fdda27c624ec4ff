// Parts shared by the plan pages: the row errors of an import, a contained table.
import type { ReactNode } from 'react';
import { type AreaI18n, useAreaI18n } from '../../../i18n/area.ts';
import { messages } from './i18n.ts';

export type PlansI18n = AreaI18n<keyof typeof messages.id>;
export const usePlansI18n = (): PlansI18n => useAreaI18n(messages);

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

/** A horizontally contained table (its own scroll on a narrow phone, never the page's). */
export const TableBox = ({ children }: { children: ReactNode }) => (
  <div className="table-scroll" style={{ overflowX: 'auto', maxWidth: '100%' }}>
    {children}
  </div>
);
