import type { ManagedProduct } from '../../../../src/catalog/products/schema.ts';
import { can, type Me } from '../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { messages } from './i18n.ts';

/** Parts shared by the product pages: badges for status and curation, the owner check. */
export type ProductsI18n = AreaI18n<keyof typeof messages.id>;
export type Status = ManagedProduct['status'];
export type Curation = ManagedProduct['curation'];

export const isOwner = (me: Me) => can(me, 'catalog.editsProducts');
/** Who may open a product's page (the server decides which products each sees). */
export const mayRead = (me: Me) => can(me, 'catalog.readsProducts');

/** The word carries the meaning; the colour only repeats it. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useAreaI18n(messages);
  return <span className={`pp-badge pp-${status}`}>{t(`products.status.${status}`)}</span>;
}

export function curationText(c: Curation, t: ProductsI18n['t']): string {
  const base = t(`products.curation.${c.status}`);
  return c.status === 'curated' && c.grade ? `${base} · ${t('products.curation.grade', { grade: c.grade })}` : base;
}

export function CurationBadge({ curation }: { curation: Curation }) {
  const { t } = useAreaI18n(messages);
  return <span className={`pp-badge pp-cur-${curation.status}`}>{curationText(curation, t)}</span>;
}
