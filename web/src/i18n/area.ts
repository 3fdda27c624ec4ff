import { useMemo } from 'react';
import type { Bilingual } from '../../../src/platform/schema.ts';
import { type I18n, useI18n } from './i18n.tsx';
import type { MessageKey } from './id.ts';
import { type Params, translate } from './translate.ts';

/**
 * Page-area dictionaries: the texts of one area of pages (the register, permits, …) live next to its pages, in a
 * file `web/src/pages/<area>/i18n.ts` exporting `messages = areaMessages('<area>', {…id}, {…en})`. The page
 * imports it statically, so its texts travel in the page's lazy chunk and never weigh on the home page. Every key
 * starts with `<area>.`; i18n.test.ts finds each area file and checks both languages like the shared dictionary.
 */
export interface AreaMessages<K extends string> {
  area: string;
  id: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/** Typed so that English must have exactly Indonesian's keys (the test checks again, with placeholders). */
export function areaMessages<const T extends Record<string, string>>(
  area: string,
  id: T,
  en: Record<keyof T & string, string>,
): AreaMessages<keyof T & string> {
  return { area, id, en };
}

/** The shared I18n, with a `t` that also knows the area's keys, and `msg` for a message kept in both languages. */
export interface AreaI18n<K extends string> extends Omit<I18n, 't'> {
  t: (key: MessageKey | K, params?: Params) => string;
  /** Both languages of an area text: stored in state, it follows a later language switch. */
  msg: (key: K, params?: Params) => Bilingual;
}

export function useAreaI18n<K extends string>(messages: AreaMessages<K>): AreaI18n<K> {
  const i18n = useI18n();
  return useMemo(
    () => ({
      ...i18n,
      t: (key, params) =>
        key in messages.id ? translate(messages[i18n.lang], key, params) : i18n.t(key as MessageKey, params),
      msg: (key, params) => ({ id: translate(messages.id, key, params), en: translate(messages.en, key, params) }),
    }),
    [i18n, messages],
  );
}
