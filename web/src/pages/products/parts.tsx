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

/**
 * The server's words for the product's curation (the same as the curation pages'), then what keeps it in the
 * catalogue: its grade, and when a newer round is under way or was returned, that an earlier certificate still holds.
 */
export function curationText(c: Curation, t: ProductsI18n['t'], lang: 'id' | 'en'): string {
  const parts = [c.label[lang]];
  if (c.curated && c.status !== 'passed') parts.push(t('products.curation.stillCurated'));
  if (c.curated && c.grade) parts.push(t('products.curation.grade', { grade: c.grade }));
  return parts.join(' · ');
}

export function CurationBadge({ curation }: { curation: Curation }) {
  const { t, lang } = useAreaI18n(messages);
  return <span className={`pp-badge pp-cur-${curation.status}`}>{curationText(curation, t, lang)}</span>;
}
