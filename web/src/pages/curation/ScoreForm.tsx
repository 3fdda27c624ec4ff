import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { FormAlert, problemText, SubmitButton, useSubmit } from '../../ui/form.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { previewGrade } from './grade.ts';
import { messages } from './i18n.ts';
import { percentText } from './shared.tsx';
import type { StepResult, Submission } from './types.ts';

/**
 * The kurator's scoring, built from the rubric the server sends (criteria, weights, score range, grade bands):
 * one 1–5 choice and a note per criterion, overall notes, and the result the scores give, shown before sending.
 */
export function ScoreForm({ s, onDone }: { s: Submission; onDone: (r: StepResult) => void }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const rubric = s.rubric;
  const form = useRef<HTMLFormElement>(null);
  const [scores, setScores] = useState<Record<string, number | undefined>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [overall, setOverall] = useState('');
  const [unscored, setUnscored] = useState<string[]>([]);
  const { failure, busy, submit } = useSubmit(form);
  const preview = previewGrade(rubric, scores);

  function send(e: FormEvent) {
    e.preventDefault();
    const missing = rubric.criteria.filter((c) => scores[c.code] === undefined).map((c) => c.code);
    setUnscored(missing);
    if (missing.length)
      return form.current?.querySelector<HTMLInputElement>(`input[name="score-${missing[0]}"]`)?.focus();
    void submit(async () => {
      const body = {
        scores: rubric.criteria.map((c) => ({
          criterion: c.code,
          score: scores[c.code]!,
          ...(notes[c.code]?.trim() ? { notes: notes[c.code]!.trim() } : {}),
        })),
        ...(overall.trim() ? { notes: overall.trim() } : {}),
      };
      onDone(await api<StepResult>(`/api/curation/submissions/${s.id}/score`, { method: 'POST', body }));
    });
  }

  return (
    <section aria-labelledby="cur-score-h" className="cur-section cur-action">
      <h2 id="cur-score-h">{t('curation.score.title')}</h2>
      <p className="hint">{t('curation.score.intro', { rubric: rubric.name[lang] })}</p>
      <form
        ref={form}
        className="form cur-score"
        noValidate
        onSubmit={send}
        aria-labelledby="cur-score-h"
        aria-busy={busy}
      >
        <FormAlert>{failure !== undefined ? problemText(failure, i18n) : null}</FormAlert>
        {rubric.criteria.map((c) => {
          const range = Array.from({ length: c.maxScore - c.minScore + 1 }, (_, i) => c.minScore + i);
          const missing = unscored.includes(c.code) && scores[c.code] === undefined;
          const errId = `cur-score-${c.code}-error`;
          return (
            <fieldset
              key={c.code}
              className={`cur-criterion${missing ? ' has-error' : ''}`}
              data-criterion={c.code}
              aria-describedby={missing ? errId : undefined}
            >
              <legend>
                {c.name[lang]}{' '}
                <span className="muted small">{t('curation.score.weight', { weight: i18n.num(c.weight) })}</span>
              </legend>
              <div className="cur-scale">
                {range.map((n) => (
                  <label key={n} className="cur-point">
                    <input
                      type="radio"
                      name={`score-${c.code}`}
                      value={n}
                      checked={scores[c.code] === n}
                      onChange={() => setScores((x) => ({ ...x, [c.code]: n }))}
                      aria-invalid={missing || undefined}
                    />
                    <span>{i18n.num(n)}</span>
                  </label>
                ))}
              </div>
              {missing && (
                <p id={errId} className="field-error">
                  {t('curation.score.required')}
                </p>
              )}
              <TextAreaField
                name={`notes-${c.code}`}
                label={t('curation.score.criterionNotes', { name: c.name[lang] })}
                rows={2}
                maxLength={2000}
                value={notes[c.code] ?? ''}
                onChange={(e) => setNotes((x) => ({ ...x, [c.code]: e.target.value }))}
              />
            </fieldset>
          );
        })}
        <p className="hint">{t('curation.score.scale')}</p>
        <TextAreaField
          name="notes"
          label={t('curation.score.notes')}
          hint={t('curation.score.notesHint')}
          maxLength={2000}
          value={overall}
          onChange={(e) => setOverall(e.target.value)}
        />
        <div
          className="cur-preview notice"
          aria-live="polite"
          data-preview-grade={preview.complete ? (preview.grade ?? (preview.passed ? 'pass' : 'fail')) : ''}
        >
          <p>
            {!preview.complete
              ? t('curation.score.previewIncomplete', {
                  n: i18n.num(rubric.criteria.filter((c) => scores[c.code] === undefined).length),
                })
              : preview.passed
                ? preview.grade
                  ? t('curation.score.previewGrade', {
                      percent: percentText(preview.percent, lang),
                      grade: preview.grade,
                    })
                  : t('curation.score.previewPass', { percent: percentText(preview.percent, lang) })
                : t('curation.score.previewFail', {
                    percent: percentText(preview.percent, lang),
                    pass: percentText(rubric.passPercent, lang),
                  })}
          </p>
          {rubric.grades.length > 0 && (
            <p className="small muted">
              {t('curation.score.bands', {
                bands: [...rubric.grades]
                  .sort((a, b) => b.minPercent - a.minPercent)
                  .map((g) => `${g.grade} ≥ ${percentText(g.minPercent, lang)}`)
                  .join(', '),
              })}
            </p>
          )}
        </div>
        <p className="actions">
          <SubmitButton busy={busy} busyText={t('curation.sending')}>
            {t('curation.score.send')}
          </SubmitButton>
        </p>
      </form>
    </section>
  );
}
