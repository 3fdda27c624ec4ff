import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { formatDate, formatWib } from '../../../src/platform/time.ts';
import { formatNumber, formatRupiah } from '../../../src/platform/money.ts';
import { id, type MessageKey } from './id.ts';
import { type Params, translate } from './translate.ts';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
type Dictionary = Readonly<Record<MessageKey, string>>;

// Indonesian ships with the shell; English is its own small chunk, fetched only by those who choose it.
const dictionaries: Partial<Record<Lang, Dictionary>> = { id };

/** Makes sure a language's dictionary is loaded (main.tsx awaits this before the first render). */
export async function loadLang(lang: Lang): Promise<void> {
  if (!dictionaries[lang]) dictionaries[lang] = (await import('./en.ts')).en;
}
const STORAGE_KEY = 'pasar-lokal.lang';

/** The saved choice, else Indonesian (Bahasa first, whatever the browser's language). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    /* storage blocked (private mode, policy): fall back to the default */
  }
  return 'id';
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** `385.000` / `385,000` */
  num: (n: number) => string;
  /** `Rp 1.250.000` */
  rupiah: (n: number) => string;
  /** `28 Nov 2026 14.05 WIB`, always Jakarta time */
  dateTime: (at: Date) => string;
  /** `28 Nov 2026` from 'YYYY-MM-DD' */
  date: (d: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  // main.tsx has loaded the saved language's dictionary before rendering; fall back to Indonesian if it could not.
  const [lang, setLangState] = useState<Lang>(() => (dictionaries[initialLang()] ? initialLang() : 'id'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not persisted; the switch still works for this visit */
    }
    // If the chunk cannot load (offline), stay in the current language rather than show raw keys.
    loadLang(next).then(
      () => setLangState(next),
      () => undefined,
    );
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(dictionaries[lang] ?? id, key, params),
      num: (n) => formatNumber(n, lang),
      rupiah: (n) => formatRupiah(n, lang),
      dateTime: (at) => formatWib(at, lang),
      date: (d) => formatDate(d, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
