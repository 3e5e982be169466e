import type { Case } from '@verity/contract';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { moveCase } from '../api';

/** The officer's decisions allowed now (detained, released…), each with the reason asked first. */
export function DecisionForm({ shown, onDecided }: { shown: Case; onDecided: (updated: Case) => void }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const id = useId();
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const action = (to: string) => tx(`cases.decide.${to}`) ?? to;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    if (!reason.trim()) return setProblem(t('cases.decide.reasonNeeded'));
    setBusy(true);
    setProblem(null);
    try {
      const updated = await moveCase(shown.id, { to: target, reason: reason.trim() });
      setTarget(null);
      setReason('');
      onDecided(updated);
    } catch (error) {
      setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card case-action" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cases.decide.title')}</h2>
      {target === null ? (
        <div className="case-decisions">
          {shown.can.transition.map((to) => (
            <button key={to} type="button" className="button" onClick={() => setTarget(to)}>
              {action(to)}
            </button>
          ))}
        </div>
      ) : (
        <form onSubmit={(event) => void send(event)}>
          <label htmlFor={`${id}-reason`}>{t('cases.decide.reason', { action: action(target) })}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            autoFocus
          />
          {problem && (
            <p className="alert" role="alert">
              {problem}
            </p>
          )}
          <div className="case-decisions">
            <button type="submit" className="button primary" disabled={busy}>
              {t('cases.decide.confirm', { action: action(target) })}
            </button>
            <button type="button" className="button" onClick={() => setTarget(null)}>
              {t('cases.decide.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
