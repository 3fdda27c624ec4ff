import { LANGS, useI18n } from '../i18n/i18n.tsx';

/** `ID | EN`: two toggle buttons; each is named in its own language so a screen reader pronounces it right. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          aria-label={`${l.toUpperCase()} — ${t(l === 'id' ? 'lang.id' : 'lang.en')}`}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
