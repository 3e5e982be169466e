import type { Case } from '@verity/contract';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { changeDeadline } from '../api';

/** Today as the server counts days (UTC): a deadline is a calendar day, the same everywhere. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The owning administration moves the right holders' answer deadline (e.g. one asked for more
 * time), with the reason, which the timeline shows to everyone who reads the case.
 */
export function DeadlineForm({ shown, onChanged }: { shown: Case; onChanged: (updated: Case) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(shown.responseDeadline ?? '');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ text: string; field: 'day' | 'reason' | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return setProblem({ text: t('cases.deadline.dayNeeded'), field: 'day' });
    if (day < todayUtc()) return setProblem({ text: errorMessage(i18n, 'DEADLINE_IN_PAST'), field: 'day' });
    if (!reason.trim()) return setProblem({ text: t('cases.deadline.reasonNeeded'), field: 'reason' });
    setBusy(true);
    setProblem(null);
    try {
      const updated = await changeDeadline(shown.id, { responseDeadline: day, reason: reason.trim() });
      setOpen(false);
      setReason('');
      onChanged(updated);
    } catch (error) {
      setProblem({ text: errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'), field: null });
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const invalid = (field: 'day' | 'reason') => (problem?.field === field ? true : undefined);
  return (
    <section className="card case-action" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cases.deadline.title')}</h2>
      {!open ? (
        <div className="case-decisions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setDay(shown.responseDeadline ?? '');
              setProblem(null);
              setOpen(true);
            }}
          >
            {t('cases.deadline.open')}
          </button>
        </div>
      ) : (
        <form onSubmit={(event) => void send(event)} noValidate>
          <label htmlFor={`${id}-day`}>{t('cases.deadline.day')}</label>
          <input
            id={`${id}-day`}
            type="date"
            min={todayUtc()}
            value={day}
            required
            autoFocus
            aria-invalid={invalid('day')}
            aria-describedby={problem?.field === 'day' ? errorId : undefined}
            onChange={(event) => setDay(event.target.value)}
          />
          <label htmlFor={`${id}-reason`}>{t('cases.deadline.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            maxLength={2000}
            required
            aria-invalid={invalid('reason')}
            aria-describedby={problem?.field === 'reason' ? errorId : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {problem && (
            <p id={errorId} className="alert" role="alert">
              {problem.text}
            </p>
          )}
          <div className="case-decisions">
            <button type="submit" className="button primary" disabled={busy}>
              {t('cases.deadline.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('cases.decide.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
