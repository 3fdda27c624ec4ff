import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The home page's way into the catalogue: a plain GET form to `/cari?q=…` (it works before the script runs), which
 * the app follows without a reload. Deliberately tiny: the search page itself is its own chunk.
 */
export function ProductSearch() {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(q.trim() ? `/cari?${new URLSearchParams({ q: q.trim() })}` : '/cari');
  };
  return (
    <form className="home-search" role="search" action="/cari" method="get" onSubmit={submit}>
      <label htmlFor={`${id}-q`}>{t('home.search.label')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('home.search.hint')}
      </p>
      <div className="home-search-row">
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          aria-describedby={`${id}-hint`}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className="button">
          {t('home.search.button')}
        </button>
      </div>
    </form>
  );
}
