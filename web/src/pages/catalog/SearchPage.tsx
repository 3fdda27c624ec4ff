import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Page } from '../../app/Page.tsx';
import { Link, navigate, useSearch } from '../../app/router.tsx';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { Field } from '../../ui/form.tsx';
import { LoadError, Loading, LoadMore, useResource } from '../../ui/resource.tsx';
import { Chips, FacetList } from './Filters.tsx';
import { messages } from './i18n.ts';
import {
  cachedResults,
  moreResults,
  rememberSearch,
  type SearchItem,
  searchResults,
  type View,
} from './search-data.ts';
import {
  apiQuery,
  chosenFilters,
  correction,
  readState,
  type SearchState,
  type Sort,
  searchHref,
  shortRegion,
  unknownWords,
  withoutFilters,
} from './search-state.ts';

type Msg = AreaI18n<keyof typeof messages.id>;
type Ready = Extract<View, { status: 'ready' }>;
const SORTS: readonly Sort[] = ['relevance', 'newest', 'price_asc', 'price_desc'];

/**
 * `/cari`: the public catalogue search. Everything the buyer chose is in the address; on a phone the filters sit
 * behind a "Filter" button so the results come first, on a wide screen they are a column beside them.
 */
export default function SearchPage() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const search = useSearch();
  const state = useMemo(() => readState(search), [search]);
  const query = apiQuery(state);
  // While a new query loads, the last results stay on screen marked "updating" (keep); a fresh answer kept from a
  // few minutes ago ("back" from a product page) shows at once (known).
  const {
    state: loaded,
    loading,
    setState,
    reload: retry,
  } = useResource(() => searchResults(query), [query], { known: () => cachedResults(query), keep: true });
  const view: View = loaded.status === 'ready' ? { ...loaded, updating: loading } : loaded;
  const loadMore = () => {
    if (loaded.status !== 'ready' || loading || !loaded.nextCursor || loaded.loadingMore) return;
    setState({ ...loaded, loadingMore: true, moreError: undefined });
    // setState drops the answer once the query has changed.
    moreResults(query, loaded).then(
      (results) => setState((v) => (v.status === 'ready' ? { ...v, ...results, loadingMore: false } : v)),
      (error: unknown) => setState((v) => (v.status === 'ready' ? { ...v, loadingMore: false, moreError: error } : v)),
    );
  };
  const [filtersOpen, setFiltersOpen] = useState(false);
  const results = useRef<HTMLHeadingElement>(null);
  useEffect(() => rememberSearch(searchHref(state)), [state]);

  const showResults = () => {
    setFiltersOpen(false);
    results.current?.focus();
  };
  const ready = view.status === 'ready' ? view : null;
  const chosen = chosenFilters(state).length;
  return (
    <Page
      title={state.q.trim() ? `${state.q.trim()} · ${t('catalog.search.title')}` : t('catalog.search.title')}
      heading={t('catalog.search.title')}
    >
      {!search && <p className="muted">{t('catalog.search.intro')}</p>}
      <SearchForm state={state} i18n={i18n} />
      <div className="cat-layout">
        <div className="cat-side">
          <button
            type="button"
            className="button secondary cat-toggle"
            aria-expanded={filtersOpen}
            aria-controls="cat-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {chosen ? t('catalog.filters.toggleCount', { n: i18n.num(chosen) }) : t('catalog.filters.toggle')}
          </button>
          <section
            id="cat-filters"
            className={filtersOpen ? 'cat-panel open' : 'cat-panel'}
            aria-labelledby="cat-filters-h"
          >
            <h2 id="cat-filters-h">{t('catalog.filters.heading')}</h2>
            {ready && (
              <FacetList state={state} facets={ready.result.facets} estimated={ready.result.counts === 'estimated'} />
            )}
            <button type="button" className="button cat-done" onClick={showResults}>
              {t('catalog.filters.done')}
            </button>
          </section>
        </div>
        <section
          className="cat-results"
          aria-labelledby="cat-results-h"
          aria-busy={view.status === 'loading' || ready?.updating}
        >
          <h2 id="cat-results-h" ref={results} tabIndex={-1}>
            {t('catalog.search.results')}
          </h2>
          {ready && <Searched ready={ready} i18n={i18n} />}
          {ready && <Chips state={state} />}
          {view.status === 'loading' && <Loading />}
          {view.status === 'error' && <LoadError error={view.error} onRetry={retry} />}
          {ready && <ResultList ready={ready} state={state} i18n={i18n} onMore={loadMore} />}
        </section>
      </div>
    </Page>
  );
}

/** The words box. A new search keeps the chosen filters and sort. */
function SearchForm({ state, i18n }: { state: SearchState; i18n: Msg }) {
  const { t } = i18n;
  const [typed, setTyped] = useState(state.q);
  useEffect(() => setTyped(state.q), [state.q]); // back/forward and links change the words too
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(searchHref({ ...state, q: typed }), { keepScroll: true });
  };
  return (
    <form
      className="form cat-search"
      role="search"
      aria-label={t('catalog.search.form')}
      action="/cari"
      method="get"
      onSubmit={submit}
    >
      <Field
        name="q"
        type="search"
        label={t('catalog.search.label')}
        hint={t('catalog.search.hint')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        maxLength={200}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit" className="button">
        {t('catalog.search.button')}
      </button>
    </form>
  );
}

/** What was searched: the correction of a misspelt word, and words nothing in the catalogue resembles. */
function Searched({ ready, i18n }: { ready: Ready; i18n: Msg }) {
  const fixed = correction(ready.result.terms);
  const unknown = unknownWords(ready.result.terms);
  if (!fixed && !unknown.length) return null;
  return (
    <div className="cat-searched">
      {fixed && <p className="cat-correction">{i18n.t('catalog.search.corrected', fixed)}</p>}
      {unknown.length > 0 && <p>{i18n.t('catalog.search.unknown', { words: unknown.join(' ') })}</p>}
    </div>
  );
}

function totalText(i18n: Msg, r: Ready['result']): string {
  if (r.counts === 'estimated') return i18n.t('catalog.search.totalEstimated', { n: i18n.num(r.total) });
  return r.total === 1 ? i18n.t('catalog.search.totalOne') : i18n.t('catalog.search.total', { n: i18n.num(r.total) });
}

function ResultList({
  ready,
  state,
  i18n,
  onMore,
}: {
  ready: Ready;
  state: SearchState;
  i18n: Msg;
  onMore: () => void;
}) {
  const { t } = i18n;
  const sorts = SORTS.filter((s) => s !== 'relevance' || state.q.trim());
  const sortId = 'cat-sort';
  return (
    <>
      <div className="cat-bar">
        <p role="status" className="cat-total">
          {ready.updating ? t('catalog.search.updating') : totalText(i18n, ready.result)}
        </p>
        {ready.items.length > 0 && (
          <div className="field cat-sort">
            <label htmlFor={sortId}>{t('catalog.sort.label')}</label>
            <select
              id={sortId}
              value={ready.result.sort}
              onChange={(e) => navigate(searchHref({ ...state, sort: e.target.value as Sort }), { keepScroll: true })}
            >
              {sorts.map((s) => (
                <option key={s} value={s}>
                  {t(`catalog.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {ready.items.length === 0 ? (
        <Empty state={state} i18n={i18n} />
      ) : (
        <>
          <ul className="cat-list">
            {ready.items.map((item) => (
              <ResultItem key={item.id} item={item} i18n={i18n} />
            ))}
          </ul>
          {ready.nextCursor && (
            <p className="muted small">
              {t('catalog.search.shown', { shown: i18n.num(ready.items.length), total: i18n.num(ready.result.total) })}
            </p>
          )}
          <LoadMore
            more={ready.nextCursor !== null}
            busy={ready.loadingMore}
            error={ready.moreError}
            label={t('catalog.search.loadMore')}
            onLoad={onMore}
          />
        </>
      )}
    </>
  );
}

function Empty({ state, i18n }: { state: SearchState; i18n: Msg }) {
  const { t } = i18n;
  const filtered = chosenFilters(state).length > 0;
  return (
    <div className="notice cat-empty">
      <p>
        <strong>{t('catalog.search.empty')}</strong>
      </p>
      {state.q.trim() && <p>{t('catalog.search.emptyWords')}</p>}
      {filtered && (
        <p>
          {t('catalog.search.emptyFilters')}{' '}
          <Link href={searchHref(withoutFilters(state))} marksCurrent={false}>
            {t('catalog.filters.clear')}
          </Link>
        </p>
      )}
    </div>
  );
}

/** One product: name (to its page), price per unit, seller and place, grade, halal, channels. */
export function ResultItem({ item, i18n }: { item: SearchItem; i18n: Msg }) {
  const { t } = i18n;
  return (
    <li className="cat-item" data-product={item.id}>
      <h3 className="cat-name">
        <Link href={`/produk/${item.id}`}>{item.name}</Link>
      </h3>
      <p className="cat-price">{t('catalog.item.price', { price: i18n.rupiah(item.price), unit: item.unit })}</p>
      <p className="secondary">
        {item.seller.name} ·{' '}
        {t('catalog.item.place', { district: item.seller.district.name, city: shortRegion(item.seller.city.name) })}
      </p>
      {(item.grade || item.halal) && (
        <p className="cat-badges">
          {item.grade && <span className="cat-badge cat-grade">{t('catalog.grade', { grade: item.grade })}</span>}
          {item.halal && <span className="cat-badge cat-halal">{t('catalog.halal.true')}</span>}
        </p>
      )}
      {item.channels.length > 0 && (
        <p className="secondary">
          {t('catalog.item.channels', { list: item.channels.map((c) => t(`catalog.channel.${c}`)).join(', ') })}
        </p>
      )}
    </li>
  );
}
