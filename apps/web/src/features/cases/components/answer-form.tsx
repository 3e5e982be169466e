import type { Case } from '@verity/contract';
import { caseVerdicts } from '@verity/contract/values';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { answerCase } from '../api';

/**
 * The right holder's verdict on its lines of the case, starting from its earlier answer if any
 * (a new answer replaces it).
 */
export function AnswerForm(props: {
  caseId: string;
  earlier: Case['answers'][number] | undefined;
  onAnswered: (updated: Case) => void;
}) {
  const { caseId, earlier, onAnswered } = props;
  const i18n = useI18n();
  const { t, tx } = i18n;
  const id = useId();
  const [verdict, setVerdict] = useState<string | null>(earlier?.verdict ?? null);
  const [comment, setComment] = useState(earlier?.comment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) return setProblem('cases.problem.verdict');
    setBusy(true);
    setProblem(null);
    try {
      onAnswered(await answerCase(caseId, { verdict, comment: comment.trim() || null }));
    } catch (error) {
      setProblem(isApiError(error) ? `errors.${error.code}` : 'errors.NETWORK_ERROR');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card case-action" onSubmit={(event) => void send(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cases.answer.title')}</h2>
      <fieldset>
        <legend>{t('cases.answer.verdict')}</legend>
        {caseVerdicts.map((value) => (
          <label key={value} className="case-choice">
            <input
              type="radio"
              name="verdict"
              value={value}
              checked={verdict === value}
              onChange={() => setVerdict(value)}
            />
            {tx(`cases.verdict.${value}`) ?? value}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-comment`}>{t('cases.answer.comment')}</label>
      <textarea id={`${id}-comment`} rows={4} value={comment} onChange={(event) => setComment(event.target.value)} />
      {problem && (
        <p className="alert" role="alert">
          {problem.startsWith('errors.') ? errorMessage(i18n, problem.slice('errors.'.length)) : tx(problem)}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {t('cases.answer.send')}
      </button>
    </form>
  );
}
