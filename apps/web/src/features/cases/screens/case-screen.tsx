import type { Case } from '@verity/contract';
import { useEffect, useId, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { useAppContext } from '../../../lib/app-context';
import { statusName } from '../case-display';
import { readCase } from '../api';
import { AnswerForm } from '../components/answer-form';
import { CaseDetails } from '../components/case-details';
import { CasePhotos } from '../components/case-photos';
import { CaseTimeline } from '../components/case-timeline';
import { Deadline } from '../components/deadline';
import { DeadlineForm } from '../components/deadline-form';
import { ConversationPanel } from '../components/conversation-panel';
import { DecisionForm } from '../components/decision-form';
import { DraftEditor } from '../components/draft-editor';
import { ShareForm } from '../components/share-form';

/** One case: the draft's form while it can be edited, else what it says, its timeline and the actions allowed. */
export function CaseScreen({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [shown, setShown] = useState<Case | null>(null);
  const { me } = useAppContext();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(shown?.reference ?? t('cases.title'));

  useEffect(() => {
    const controller = new AbortController();
    readCase(caseId, controller.signal).then(setShown, (error: unknown) => {
      if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    });
    return () => controller.abort();
  }, [caseId]);

  if (problem === 'CASE_NOT_FOUND' || problem === 'VALIDATION_FAILED')
    return (
      <section className="cases">
        <h1>{t('cases.notFound')}</h1>
        <p>{t('cases.notFoundHint')}</p>
        <Link className="button" to="/cases">
          {t('cases.backToList')}
        </Link>
      </section>
    );
  if (problem)
    return (
      <section className="cases">
        <h1>{t('cases.title')}</h1>
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      </section>
    );
  if (!shown) return <p className="muted">{t('app.loading')}</p>;

  const changed = (message: string) => (updated: Case) => {
    setShown(updated);
    setNotice(message);
  };

  return (
    <section className="cases" aria-labelledby={`${id}-title`}>
      <Link to="/cases">{t('cases.backToList')}</Link>
      <h1 id={`${id}-title`}>{t('cases.caseTitle', { reference: shown.reference })}</h1>
      <p className="case-state">
        <span className="badge">{statusName(i18n, shown.status)}</span>{' '}
        {shown.status !== 'draft' && <Deadline day={shown.responseDeadline} overdue={shown.overdue} />}
      </p>
      <p className="muted">
        {t('cases.openedBy', { name: shown.createdBy.name, organisation: shown.organisation.name })}
      </p>
      <p role="status" className="notice-slot">
        {notice && <span className="notice">{notice}</span>}
      </p>
      {shown.can.edit ? (
        <DraftEditor opened={shown} onChanged={changed(t('cases.submitted'))} />
      ) : (
        <>
          {shown.can.answer && (
            <AnswerForm caseId={shown.id} earlier={shown.answers[0]} onAnswered={changed(t('cases.answer.sent'))} />
          )}
          {shown.can.transition.length > 0 && (
            <DecisionForm shown={shown} onDecided={changed(t('cases.decide.done'))} />
          )}
          {shown.can.deadline && <DeadlineForm shown={shown} onChanged={changed(t('cases.deadline.done'))} />}
          {(shown.can.share || shown.shares.length > 0) && (
            <ShareForm shown={shown} onShared={changed(t('cases.share.done'))} />
          )}
          <CaseDetails shown={shown} />
          <CasePhotos
            caseId={shown.id}
            photos={shown.photos}
            lines={shown.lines}
            canAdd={shown.can.photo}
            canDelete={false}
          />
        </>
      )}
      {/* Who may write where changes with the state: a new state, a fresh panel. */}
      <ConversationPanel
        key={shown.status}
        caseId={shown.id}
        rightHolder={me.membership.role.startsWith('right_holder')}
      />
      <CaseTimeline events={shown.events} />
    </section>
  );
}
