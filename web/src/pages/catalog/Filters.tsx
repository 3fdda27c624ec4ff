// The search page's filters: facet lists with counts (each value a link to the narrowed search, so a filtered
// search can be shared, opened in a new tab, and undone with "back"), and the chosen filters as removable chips.
import { useId, useState } from 'react';
import type { SearchResult } from '../../../../src/catalog/schema.ts';
import { Link } from '../../app/router.tsx';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { messages } from './i18n.ts';
import { nameOf, useRegionNames } from './search-data.ts';
import {
  type Channel,
  choose,
  chosenFilters,
  type Filter,
  type SearchState,
  searchHref,
  shortRegion,
  type SizeClass,
  without,
  withoutFilters,
} from './search-state.ts';

type Msg = AreaI18n<keyof typeof messages.id>;
type Facets = SearchResult['facets'];

interface Option {
  key: string;
  label: string;
  count?: number;
  selected: boolean;
  href: string;
}

/** A facet shows this many values, then "show all". */
const SHORT = 8;
const CHANNELS: readonly Channel[] = ['e_order', 'jbl', 'mall'];

export function priceLabel(i18n: Msg, min: number | undefined, max: number | undefined): string {
  if (!min && max !== undefined) return i18n.t('catalog.price.under', { max: i18n.rupiah(max + 1) });
  if (max === undefined) return i18n.t('catalog.price.from', { min: i18n.rupiah(min ?? 0) });
  return i18n.t('catalog.price.between', { min: i18n.rupiah(min ?? 0), max: i18n.rupiah(max) });
}

/** The name a chosen filter's value goes by, in the reader's language. */
export function valueLabel(i18n: Msg, s: SearchState, f: Filter): string {
  const { t } = i18n;
  switch (f) {
    case 'city':
      return shortRegion(nameOf('city', s.city!) ?? s.city!);
    case 'district':
      return nameOf('district', s.district!) ?? s.district!;
    case 'category':
      return nameOf('category', s.category!) ?? s.category!.replace(/-/g, ' ');
    case 'grade':
      return t('catalog.grade', { grade: s.grade! });
    case 'halal':
      return t(s.halal ? 'catalog.halal.true' : 'catalog.halal.false');
    case 'sizeClass':
      return t(`catalog.size.${s.sizeClass!}`);
    case 'price':
      return priceLabel(i18n, s.priceMin, s.priceMax);
    case 'channel':
      return t(`catalog.channel.${s.channel!}`);
  }
}

/**
 * One facet value: a link that chooses it, or (when chosen) removes it; the count for sighted and spoken. The
 * link is named by its own content: what is seen ("Setiabudi 22") followed by words only a screen reader hears
 * ("Setiabudi 22 produk, dipilih"). An aria-label that differs from what is seen breaks voice control ("klik
 * Setiabudi 22") — axe's label-content-name-mismatch.
 */
function OptionLink({ o, estimated, i18n }: { o: Option; estimated: boolean; i18n: Msg }) {
  const { t } = i18n;
  return (
    <Link href={o.href} keepScroll aria-current={o.selected ? 'true' : undefined} className="cat-option">
      <span className="cat-option-label">{o.label}</span>{' '}
      <span className="cat-count">
        {o.count !== undefined && (
          <>
            {estimated && <span aria-hidden="true">±</span>}
            {i18n.num(o.count)}
            <span className="sr-only">
              {' '}
              {t(estimated ? 'catalog.filters.countEstimated' : 'catalog.filters.count')}
            </span>
          </>
        )}
        {o.selected && <span className="sr-only">, {t('catalog.filters.selected')}</span>}
      </span>
    </Link>
  );
}

function Facet({
  title,
  hint,
  options,
  estimated,
}: {
  title: string;
  hint?: string;
  options: Option[];
  estimated: boolean;
}) {
  const i18n = useAreaI18n(messages);
  const id = useId();
  const [all, setAll] = useState(false);
  if (options.length === 0) return null;
  const long = options.length > SHORT + 2; // hiding one or two values would save nothing
  const shown = long && !all ? options.slice(0, SHORT) : options;
  return (
    <section className="cat-facet" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      <ul className="cat-options">
        {shown.map((o) => (
          <li key={o.key}>
            <OptionLink o={o} estimated={estimated} i18n={i18n} />
          </li>
        ))}
      </ul>
      {long && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all
            ? i18n.t('catalog.filters.showFewer')
            : i18n.t('catalog.filters.showAll', { n: i18n.num(options.length) })}
        </button>
      )}
    </section>
  );
}

/** Every facet of the answer, in the order a buyer narrows: where, what, how good, how much, where to buy. */
export function FacetList({ state, facets, estimated }: { state: SearchState; facets: Facets; estimated: boolean }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const toggle = (f: Filter, selected: boolean, patch: Partial<SearchState>) =>
    searchHref(selected ? without(state, f) : choose(state, patch));
  const simple = (
    f: 'city' | 'district' | 'category' | 'grade' | 'sizeClass',
    label: (v: string, l: string) => string,
  ) =>
    facets[f].map(({ value, label: l, count }) => {
      const selected = state[f] === value;
      return { key: value, label: label(value, l), count, selected, href: toggle(f, selected, { [f]: value }) };
    });
  const halal = facets.halal.map(({ value, count }) => {
    const v = value === 'true';
    const selected = state.halal === v;
    return {
      key: value,
      label: t(v ? 'catalog.halal.true' : 'catalog.halal.false'),
      count,
      selected,
      href: toggle('halal', selected, { halal: v }),
    };
  });
  const price = facets.price.map(({ min, max, count }) => {
    const selected =
      (state.priceMin ?? 0) === min &&
      state.priceMax === (max ?? undefined) &&
      (state.priceMin !== undefined || state.priceMax !== undefined);
    return {
      key: String(min),
      label: priceLabel(i18n, min, max ?? undefined),
      count,
      selected,
      href: toggle('price', selected, { priceMin: min, priceMax: max ?? undefined }),
    };
  });
  const channels = CHANNELS.map((c) => {
    const selected = state.channel === c;
    return { key: c, label: t(`catalog.channel.${c}`), selected, href: toggle('channel', selected, { channel: c }) };
  });
  return (
    <>
      {estimated && <p className="hint cat-estimated">{t('catalog.filters.estimated')}</p>}
      <Facet title={t('catalog.facet.city')} options={simple('city', (_, l) => shortRegion(l))} estimated={estimated} />
      <Facet
        title={t('catalog.facet.district')}
        hint={
          !state.city && !state.district && facets.district.length > SHORT + 2
            ? t('catalog.filters.districtTop')
            : undefined
        }
        options={simple('district', (_, l) => l)}
        estimated={estimated}
      />
      <Facet title={t('catalog.facet.category')} options={simple('category', (_, l) => l)} estimated={estimated} />
      <Facet
        title={t('catalog.facet.grade')}
        options={simple('grade', (v) => t('catalog.grade', { grade: v }))}
        estimated={estimated}
      />
      <Facet title={t('catalog.facet.halal')} options={halal} estimated={estimated} />
      <Facet
        title={t('catalog.facet.sizeClass')}
        options={simple('sizeClass', (v) => t(`catalog.size.${v as SizeClass}`))}
        estimated={estimated}
      />
      <Facet title={t('catalog.facet.price')} options={price} estimated={estimated} />
      <Facet title={t('catalog.facet.channel')} options={channels} estimated={false} />
    </>
  );
}

const FACET_TITLE = {
  city: 'catalog.facet.city',
  district: 'catalog.facet.district',
  category: 'catalog.facet.category',
  grade: 'catalog.facet.grade',
  halal: 'catalog.facet.halal',
  sizeClass: 'catalog.facet.sizeClass',
  price: 'catalog.facet.price',
  channel: 'catalog.facet.channel',
} as const;

/** The chosen filters as chips; each ✕ is a link to the search without it. Shown with an answer, which names them. */
export function Chips({ state }: { state: SearchState }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  useRegionNames({ city: state.city, district: state.district });
  const chosen = chosenFilters(state);
  if (!chosen.length) return null;
  return (
    <div className="cat-chips">
      <ul aria-label={t('catalog.filters.chosen')}>
        {chosen.map((f) => {
          const name = `${t(FACET_TITLE[f])}: ${valueLabel(i18n, state, f)}`;
          return (
            <li key={f}>
              <Link
                href={searchHref(without(state, f))}
                keepScroll
                marksCurrent={false}
                className="cat-chip"
                data-filter={f}
              >
                <span className="sr-only">{t('catalog.filters.remove', { name })}</span>
                <span aria-hidden="true">
                  {valueLabel(i18n, state, f)} <span className="cat-chip-x">✕</span>
                </span>
              </Link>
            </li>
          );
        })}
        {chosen.length > 1 && (
          <li>
            <Link href={searchHref(withoutFilters(state))} keepScroll marksCurrent={false} className="cat-clear">
              {t('catalog.filters.clear')}
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}
