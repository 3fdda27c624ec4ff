import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { ManagedProduct, ProductSaved } from '../../../../src/catalog/products/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { problemText } from '../../ui/form.tsx';
import { fileSize } from '../registry-admin/format.ts';
import { compressPhoto } from './compress.ts';
import { messages } from './i18n.ts';
import { uploadWithProgress } from './upload.ts';

const MAX_PHOTOS = 6;
const MAX_BYTES = 5 * 1024 * 1024;
type Job = { phase: 'compressing' | 'uploading'; name: string; fraction: number };

/**
 * A product's photos: the list (cover first) with earlier / later / delete, and the picker that shrinks each photo
 * on the phone (compress.ts) and uploads it with a progress bar, then says how much it saved.
 */
export function PhotoPicker({ product, onChange }: { product: ManagedProduct; onChange: (p: ProductSaved) => void }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const progressId = useId();
  const photos = product.photos;
  const editable = product.canEdit;
  const canChangeSet = editable && !product.lockedForReview;
  const room = MAX_PHOTOS - photos.length;
  const fieldError = failure instanceof ApiProblem ? failure.fieldErrors().photo?.[lang] : undefined;

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []).slice(0, room);
    setDone(undefined);
    setFailure(undefined);
    for (const file of files) {
      setJob({ phase: 'compressing', name: file.name, fraction: 0 });
      const small = await compressPhoto(file);
      if (small.blob.size > MAX_BYTES) {
        setFailure(new ApiProblem(413, 'photo_too_large', i18n.msg('products.photos.tooLarge')));
        break;
      }
      setJob({ phase: 'uploading', name: file.name, fraction: 0 });
      const form = new FormData();
      form.append('photo', small.blob, small.name);
      try {
        const saved = await uploadWithProgress<ProductSaved>(
          `/api/catalog/manage/products/${product.id}/photos`,
          form,
          (fraction) => setJob({ phase: 'uploading', name: file.name, fraction }),
        );
        onChange(saved);
        setDone(
          small.compressed
            ? t('products.photos.saved', { from: fileSize(file.size, lang), to: fileSize(small.blob.size, lang) })
            : t('products.photos.savedOriginal', { to: fileSize(small.blob.size, lang) }),
        );
      } catch (error) {
        setFailure(error);
        break;
      }
    }
    setJob(null);
    if (input.current) input.current.value = '';
  }

  async function act(run: () => Promise<ProductSaved>, message: string) {
    setBusy(true);
    setDone(undefined);
    setFailure(undefined);
    try {
      onChange(await run());
      setDone(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  const move = (from: number, to: number) => {
    const ids = photos.map((p) => p.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    return act(
      () =>
        api<ProductSaved>(`/api/catalog/manage/products/${product.id}/photos/order`, {
          method: 'PUT',
          body: { photoIds: ids },
        }),
      t('products.photos.moved'),
    );
  };
  const remove = (photoId: number) =>
    act(
      () => api<ProductSaved>(`/api/catalog/manage/products/${product.id}/photos/${photoId}`, { method: 'DELETE' }),
      t('products.photos.deleted'),
    );

  return (
    <section aria-labelledby="photos-h" className="pp-photos-section">
      <h2 id="photos-h">{t('products.photos.title')}</h2>
      <p className="hint">{t('products.photos.intro', { max: MAX_PHOTOS })}</p>
      {photos.length === 0 ? (
        <p className="muted">{t('products.photos.none')}</p>
      ) : (
        <ol className="pp-photos">
          {photos.map((p, i) => (
            <li key={p.id} data-photo={p.id}>
              <img
                src={p.thumbUrl}
                alt={t('products.photos.alt', { n: i + 1, total: photos.length, name: product.name })}
                width={p.width >= p.height ? 160 : Math.round((160 * p.width) / p.height)}
                height={p.width >= p.height ? Math.round((160 * p.height) / p.width) : 160}
              />
              {i === 0 && <span className="pp-badge pp-cover">{t('products.photos.cover')}</span>}
              {editable && (
                <span className="pp-photo-actions">
                  {i > 0 && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('products.photos.earlierLabel', { n: i + 1 })}
                    >
                      {t('products.photos.earlier')}
                    </button>
                  )}
                  {i < photos.length - 1 && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => move(i, i + 1)}
                      aria-label={t('products.photos.laterLabel', { n: i + 1 })}
                    >
                      {t('products.photos.later')}
                    </button>
                  )}
                  {canChangeSet && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => remove(p.id)}
                      aria-label={t('products.photos.deleteLabel', { n: i + 1 })}
                    >
                      {t('products.photos.delete')}
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canChangeSet && room > 0 && (
        <div className={`field${fieldError ? ' has-error' : ''}`}>
          <label htmlFor="photo-input">{t('products.photos.pick')}</label>
          <p id="photo-input-hint" className="hint">
            {t('products.photos.pick.hint')}
          </p>
          <input
            ref={input}
            id="photo-input"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={job !== null}
            onChange={pick}
            aria-describedby={fieldError ? 'photo-input-hint photo-input-error' : 'photo-input-hint'}
            aria-invalid={fieldError ? true : undefined}
          />
          {fieldError && (
            <p id="photo-input-error" className="field-error">
              {fieldError}
            </p>
          )}
        </div>
      )}
      {canChangeSet && room === 0 && <p className="muted">{t('products.photos.full', { max: MAX_PHOTOS })}</p>}
      {job && (
        <div className="pp-progress" role="status">
          <label htmlFor={progressId}>
            {job.phase === 'compressing'
              ? t('products.photos.compressing', { name: job.name })
              : t('products.photos.uploading', { name: job.name })}
          </label>
          <progress id={progressId} max={1} value={job.phase === 'compressing' ? undefined : job.fraction} />
        </div>
      )}
      {done && (
        <p role="status" className="notice pp-done">
          {done}
        </p>
      )}
      {failure !== undefined && !fieldError && (
        <p role="alert" className="field-error">
          {problemText(failure, i18n)}
        </p>
      )}
      {failure !== undefined && fieldError && (
        <p role="alert" className="sr-only">
          {problemText(failure, i18n)}
        </p>
      )}
    </section>
  );
}
