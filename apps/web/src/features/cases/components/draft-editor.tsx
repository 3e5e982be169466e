import type { Case } from '@verity/contract';
import { transportModes } from '@verity/contract/values';
import { useCallback, useId, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { displayNames } from '../../../shared/display-names';
import { saveDraft, submitCase } from '../api';
import {
  countryFields,
  draftOf,
  fieldProblem,
  longFields,
  patchOf,
  shipmentFields,
  type Draft,
  type DraftLine,
  type FieldName,
} from '../draft-form';
import { idempotencyKey } from '../idempotency-key';
import { useAutosave } from '../use-autosave';
import { CasePhotos } from './case-photos';
import { LineEditor } from './line-editor';

/**
 * A draft, saved as it is typed: one column, big targets, usable one-handed on a phone.
 * Then "Submit to the right holders" (idempotent: a retried submission is the same one).
 */
export function DraftEditor({ opened, onChanged }: { opened: Case; onChanged: (updated: Case) => void }) {
  const i18n = useI18n();
  const { t, tx, lang } = i18n;
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(opened, lang));
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The saved lines (with their ids), for the line a photo shows.
  const [savedLines, setSavedLines] = useState(opened.lines);
  const save = useCallback(
    (body: unknown) =>
      saveDraft(opened.id, body as ReturnType<typeof patchOf>).then((saved) => {
        setSavedLines(saved.lines);
        return saved;
      }),
    [opened.id],
  );
  const { state, flush } = useAutosave(patchOf(draft), save);
  const names = displayNames(lang);

  const setField = (name: FieldName, value: string) =>
    setDraft((current) => ({ ...current, fields: { ...current.fields, [name]: value } }));
  const setLine = (index: number, line: DraftLine) =>
    setDraft((current) => ({ ...current, lines: current.lines.map((l, i) => (i === index ? line : l)) }));
  const addLine = () =>
    setDraft((current) => ({
      ...current,
      lines: [
        ...current.lines,
        {
          key: crypto.randomUUID(),
          productId: null,
          productName: null,
          brandId: null,
          brandName: null,
          description: '',
          quantity: '1',
          unit: 'pieces',
        },
      ],
    }));

  const submit = async () => {
    setSubmitProblem(null);
    setSubmitting(true);
    try {
      if (!(await flush())) return;
      const { key, forget } = idempotencyKey(`submit:${opened.id}`);
      const submitted = await submitCase(opened.id, key);
      forget();
      onChanged(submitted);
    } catch (error) {
      setSubmitProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: FieldName) => {
    const value = draft.fields[name];
    const problem = fieldProblem(name, value);
    const hintId = `${id}-${name}-hint`;
    const country =
      countryFields.has(name) && !problem && value.trim() ? names.country(value.trim().toUpperCase()) : null;
    const common = {
      id: `${id}-${name}`,
      value,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem || country ? hintId : undefined,
    };
    return (
      <div className="case-field" key={name}>
        <label htmlFor={`${id}-${name}`}>{tx(`cases.field.${name}`) ?? name}</label>
        {longFields.has(name) ? (
          <textarea {...common} rows={3} onChange={(event) => setField(name, event.target.value)} />
        ) : (
          <input
            {...common}
            onChange={(event) => setField(name, event.target.value)}
            inputMode={name === 'declaredValue' ? 'decimal' : undefined}
            maxLength={countryFields.has(name) ? 2 : name === 'declaredCurrency' ? 3 : undefined}
            autoCapitalize={countryFields.has(name) || name === 'declaredCurrency' ? 'characters' : undefined}
            autoComplete="off"
          />
        )}
        {problem && (
          <p id={hintId} className="alert">
            {tx(problem)}
          </p>
        )}
        {country && (
          <p id={hintId} className="hint">
            {country}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="case-draft">
      <p className="case-save" role="status">
        {state.kind === 'pending' || state.kind === 'saving'
          ? t('cases.save.saving')
          : state.kind === 'saved'
            ? t('cases.save.saved')
            : state.kind === 'failed'
              ? t('cases.save.failed', { reason: errorMessage(i18n, state.code) })
              : t('cases.save.auto')}
      </p>

      <section aria-labelledby={`${id}-goods`}>
        <h2 id={`${id}-goods`}>{t('cases.goods')}</h2>
        {draft.lines.length === 0 && <p className="muted">{t('cases.line.none')}</p>}
        {draft.lines.map((line, index) => (
          <LineEditor
            key={line.key}
            line={line}
            position={index + 1}
            onChange={(changed) => setLine(index, changed)}
            onRemove={() => setDraft((current) => ({ ...current, lines: current.lines.filter((_, i) => i !== index) }))}
          />
        ))}
        <button type="button" className="button" onClick={addLine}>
          {t('cases.line.add')}
        </button>
      </section>

      <CasePhotos
        caseId={opened.id}
        photos={opened.photos}
        lines={savedLines}
        canAdd={opened.can.photo}
        canDelete={opened.can.edit}
      />

      <section aria-labelledby={`${id}-shipment`}>
        <h2 id={`${id}-shipment`}>{t('cases.shipment')}</h2>
        <div className="case-field">
          <label htmlFor={`${id}-transportMode`}>{t('cases.field.transportMode')}</label>
          <select
            id={`${id}-transportMode`}
            value={draft.fields.transportMode}
            onChange={(event) => setField('transportMode', event.target.value)}
          >
            <option value="">{t('cases.notSet')}</option>
            {transportModes.map((mode) => (
              <option key={mode} value={mode}>
                {tx(`cases.transport.${mode}`) ?? mode}
              </option>
            ))}
          </select>
        </div>
        {shipmentFields.map(field)}
      </section>

      <section aria-labelledby={`${id}-held`}>
        <h2 id={`${id}-held`}>{t('cases.held')}</h2>
        {field('goodsLocation')}
        {field('assessment')}
      </section>

      {opened.can.submit && (
        <div className="case-submit">
          {submitProblem && (
            <p className="alert" role="alert">
              {errorMessage(i18n, submitProblem)}
            </p>
          )}
          <button type="button" className="button primary" onClick={() => void submit()} disabled={submitting}>
            {t('cases.submit')}
          </button>
          <p className="hint">{t('cases.submitHint')}</p>
        </div>
      )}
    </div>
  );
}
