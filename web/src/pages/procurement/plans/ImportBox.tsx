// A spreadsheet import in two steps: check the file (preview, nothing written), then import the valid rows. The
// preview's own details are drawn by the page (`renderPreview`); extra form fields (the SiRUP mapping) go in `extra`.
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { upload } from '../../../app/api.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { type ImportResult, type PlansI18n, RowErrors } from './parts.tsx';

export function ImportBox<P extends { errors: ImportResult['errors']; validRows: number; totalRows: number }>({
  i18n,
  id,
  previewUrl,
  importUrl,
  extra,
  renderPreview,
  onDone,
}: {
  i18n: PlansI18n;
  id: string;
  previewUrl: string;
  importUrl: string;
  extra?: (p: P) => Record<string, string>;
  renderPreview?: (p: P) => ReactNode;
  onDone?: () => void;
}) {
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async <T,>(url: string, fields: Record<string, string>): Promise<T | undefined> => {
    const file = input.current?.files?.[0];
    if (!file) return undefined;
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      return await upload<T>(url, form);
    } catch (e) {
      setError(problemText(e, i18n));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setPreview((await send<P>(previewUrl, {})) ?? null);
  };
  const confirm = async () => {
    if (!preview) return;
    const r = await send<ImportResult>(importUrl, extra?.(preview) ?? {});
    if (r) {
      setResult(r);
      setPreview(null);
      onDone?.();
    }
  };

  return (
    <form className="stack" onSubmit={check} aria-busy={busy}>
      <label htmlFor={`${id}-file`}>{t('plans.file')}</label>
      <input
        id={`${id}-file`}
        ref={input}
        type="file"
        name="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={() => {
          setPreview(null);
          setResult(null);
        }}
      />
      <button type="submit" className="button secondary" disabled={busy}>
        {t('plans.preview')}
      </button>
      {error && <FormAlert>{error}</FormAlert>}
      {preview && (
        <section aria-live="polite">
          <p>{t('plans.rowsValid', { valid: preview.validRows, total: preview.totalRows })}</p>
          {renderPreview?.(preview)}
          <RowErrors errors={preview.errors} i18n={i18n} />
          <button
            type="button"
            className="button"
            disabled={busy || preview.validRows === 0}
            onClick={() => void confirm()}
          >
            {t('plans.confirm')}
          </button>
        </section>
      )}
      {result && (
        <div role="status" className="notice">
          <p>
            {t('plans.importDone', {
              inserted: result.inserted,
              updated: result.updated,
              unchanged: result.unchanged,
              skipped: result.skipped,
            })}
          </p>
          <RowErrors errors={result.errors} i18n={i18n} />
        </div>
      )}
    </form>
  );
}
