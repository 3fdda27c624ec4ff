import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initialLang, loadLang } from './i18n/i18n.tsx';
import './styles.css';

// Set the language before the first paint, so assistive technology never reads Indonesian text as English, and
// load a non-default dictionary first so the page does not flash in Indonesian before switching.
const lang = initialLang();
document.documentElement.lang = lang;
loadLang(lang)
  .catch(() => {
    document.documentElement.lang = 'id';
  })
  .finally(() => createRoot(document.getElementById('root')!).render(<App />));
