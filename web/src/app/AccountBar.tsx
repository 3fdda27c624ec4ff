import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { api } from './api.ts';
import { navigate } from './router.tsx';
import { type Me, setFlash, signedOut } from './session.ts';

type Bilingual = { id: string; en: string };

/**
 * The logged-in strip under the menu: who is logged in, "Keluar", and "Keluar dari semua perangkat" for a lost or
 * shared phone. Its own chunk: anonymous visitors (most of them) never download it.
 */
export default function AccountBar({ me }: { me: Me }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function logout(path: '/api/auth/logout' | '/api/auth/logout-all') {
    setBusy(true);
    setFailed(false);
    try {
      const r = await api<{ message: Bilingual }>(path, { method: 'POST' });
      setFlash(r.message);
      signedOut();
      navigate('/masuk', { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="account-bar" data-account={me.account.id}>
      <p className="who">
        <span className="sr-only">{t('account.signedInAs')} </span>
        <strong>{me.account.displayName}</strong>
      </p>
      <button type="button" className="header-button" disabled={busy} onClick={() => void logout('/api/auth/logout')}>
        {t('account.logout')}
      </button>
      <button type="button" className="header-button quiet" disabled={busy} onClick={() => void logout('/api/auth/logout-all')}>
        {t('account.logoutAll')}
      </button>
      {failed && (
        <p role="alert" className="account-error">
          {t('account.logoutFailed')}
        </p>
      )}
    </div>
  );
}
