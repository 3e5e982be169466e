import type { CaseConversations, CaseMessage } from '@verity/contract';
import { uploadContentTypes } from '@verity/contract/values';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { momentFormat } from '../case-display';
import { listConversations, listMessages, postMessage } from '../conversation-api';
import { useUploads } from '../uploads/use-uploads';
import '../conversation.css';

type Channel = CaseConversations['channels'][number];
/** What the notification bell dispatches on window for each notification received live. */
const NOTIFICATION_EVENT = 'verity:notification';

/** Messages as threads: each message with the replies to it (a reply whose parent is hidden stands alone). */
function threads(messages: CaseMessage[]) {
  const ids = new Set(messages.map((m) => m.id));
  const replies = new Map<string, CaseMessage[]>();
  for (const m of messages)
    if (m.parentId && ids.has(m.parentId)) replies.set(m.parentId, [...(replies.get(m.parentId) ?? []), m]);
  return { roots: messages.filter((m) => !m.parentId || !ids.has(m.parentId)), replies };
}

/**
 * A case's conversations: customs see one per right holder and one among customs (tabs), a right
 * holder only its own. Messages in threads, internal notes marked, attachments sent in the
 * background like photos, read receipts. Opening a conversation marks it read.
 */
export function ConversationPanel({ caseId, rightHolder }: { caseId: string; rightHolder: boolean }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const moment = momentFormat(lang);
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [messages, setMessages] = useState<CaseMessage[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  const refreshChannels = useCallback(
    (signal?: AbortSignal) =>
      listConversations(caseId, signal).then((answer) => {
        setChannels(answer.channels);
        setCurrent((chosen) => chosen ?? answer.channels[0]?.channel ?? null);
      }),
    [caseId],
  );

  useEffect(() => {
    const controller = new AbortController();
    refreshChannels(controller.signal).catch((error: unknown) => {
      if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    });
    return () => controller.abort();
  }, [refreshChannels]);

  useEffect(() => {
    if (!current) return;
    const controller = new AbortController();
    listMessages(caseId, current, controller.signal).then(
      (answer) => {
        setMessages(answer.messages);
        // Now read: the unread counts change.
        void refreshChannels(controller.signal).catch(() => undefined);
      },
      (error: unknown) => {
        if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      },
    );
    return () => controller.abort();
  }, [caseId, current, reload, refreshChannels]);

  // A message of this case arrives in real time (the shell's notification stream says so on
  // window): fetch the conversation again.
  useEffect(() => {
    const onNotice = (event: Event) => {
      const notice = (event as CustomEvent<{ event?: string; case?: { id: string } | null }>).detail;
      if (notice?.event === 'case.message' && notice.case?.id === caseId) setReload((n) => n + 1);
    };
    window.addEventListener(NOTIFICATION_EVENT, onNotice);
    return () => window.removeEventListener(NOTIFICATION_EVENT, onNotice);
  }, [caseId]);

  // Otherwise, look again every 30 s while the page is visible.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setReload((n) => n + 1);
    }, 30_000);
    return () => clearInterval(timer);
  }, []);

  const choose = (channel: string) => {
    if (channel === current) return;
    setMessages(null);
    setCurrent(channel);
  };
  const nameOf = (channel: Channel) => (channel.rightHolder ? channel.rightHolder.name : t('conversation.customsOnly'));
  const selected = channels?.find((c) => c.channel === current) ?? null;

  return (
    <section className="card conversation" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('conversation.title')}</h2>
      {problem && (
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      )}
      {channels && !rightHolder && (
        <div role="tablist" aria-label={t('conversation.tabs')} className="conversation-tabs">
          {channels.map((channel) => (
            <button
              key={channel.channel}
              type="button"
              role="tab"
              id={`${id}-tab-${channel.channel}`}
              aria-selected={channel.channel === current}
              aria-controls={`${id}-panel`}
              className={`conversation-tab${channel.channel === current ? ' current' : ''}`}
              tabIndex={channel.channel === current ? 0 : -1}
              onClick={() => choose(channel.channel)}
              onKeyDown={(event) => {
                // The tabs pattern: arrows move between conversations, Home and End to the ends.
                const index = channels.indexOf(channel);
                const next =
                  event.key === 'ArrowRight' || event.key === 'ArrowDown'
                    ? channels[(index + 1) % channels.length]
                    : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
                      ? channels[(index - 1 + channels.length) % channels.length]
                      : event.key === 'Home'
                        ? channels[0]
                        : event.key === 'End'
                          ? channels[channels.length - 1]
                          : undefined;
                if (!next) return;
                event.preventDefault();
                choose(next.channel);
                document.getElementById(`${id}-tab-${next.channel}`)?.focus();
              }}
            >
              {nameOf(channel)}
              {channel.unread > 0 && (
                <span className="badge conversation-unread">{t('conversation.unread', { count: channel.unread })}</span>
              )}
            </button>
          ))}
        </div>
      )}
      {selected && (
        <div
          id={`${id}-panel`}
          role={rightHolder ? undefined : 'tabpanel'}
          aria-labelledby={rightHolder ? undefined : `${id}-tab-${selected.channel}`}
          className="conversation-panel"
        >
          <p className="muted">
            {rightHolder
              ? t('conversation.withCustoms')
              : selected.rightHolder
                ? t('conversation.with', { name: selected.rightHolder.name })
                : t('conversation.customsOnlyHint')}
          </p>
          {messages === null ? (
            <p className="muted">{t('app.loading')}</p>
          ) : messages.length === 0 ? (
            <p className="muted">{t('conversation.none')}</p>
          ) : (
            <MessageThreads messages={messages} moment={moment} side={rightHolder ? 'right_holder' : 'customs'} />
          )}
          <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
            {t('conversation.refresh')}
          </button>
          {selected.canPost ? (
            <Composer
              key={selected.channel}
              caseId={caseId}
              channel={selected}
              rightHolder={rightHolder}
              messages={messages ?? []}
              onSent={(message) => setMessages((all) => [...(all ?? []), message])}
            />
          ) : (
            <p className="notice">{t('conversation.cannotPost')}</p>
          )}
        </div>
      )}
    </section>
  );
}

function MessageThreads({
  messages,
  moment,
  side,
}: {
  messages: CaseMessage[];
  moment: Intl.DateTimeFormat;
  /** The reader's side: read receipts matter on its own messages. */
  side: CaseMessage['side'];
}) {
  const { roots, replies } = threads(messages);
  const render = (message: CaseMessage) => (
    <li key={message.id}>
      <MessageItem message={message} moment={moment} receipts={message.side === side} />
      {(replies.get(message.id)?.length ?? 0) > 0 && (
        <ul className="conversation-replies">{replies.get(message.id)!.map(render)}</ul>
      )}
    </li>
  );
  return <ul className="conversation-messages">{roots.map(render)}</ul>;
}

function MessageItem({
  message,
  moment,
  receipts,
}: {
  message: CaseMessage;
  moment: Intl.DateTimeFormat;
  receipts: boolean;
}) {
  const { t } = useI18n();
  return (
    <article className={`conversation-message${message.internal ? ' internal' : ''}${message.mine ? ' mine' : ''}`}>
      <header>
        <strong>{message.author.name}</strong> <span className="muted">{message.organisation.name}</span>{' '}
        <time dateTime={message.createdAt} className="muted">
          {moment.format(new Date(message.createdAt))}
        </time>
        {message.internal && <span className="badge conversation-internal">{t('conversation.internalMark')}</span>}
      </header>
      <p className="conversation-body">{message.body}</p>
      {message.attachments.length > 0 && (
        <ul className="conversation-attachments" aria-label={t('conversation.attachments')}>
          {message.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.name}>
                {a.thumbnailUrl && <img src={a.thumbnailUrl} alt="" width={48} height={48} loading="lazy" />}
                {t('conversation.download', { name: a.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {receipts && !message.internal && (
        <p className="hint conversation-read">
          {message.readBy.length === 0
            ? t('conversation.notRead')
            : message.readBy
                .map((r) =>
                  t('conversation.readBy', {
                    name: r.name,
                    organisation: r.organisation,
                    at: moment.format(new Date(r.at)),
                  }),
                )
                .join(' · ')}
        </p>
      )}
      <ReplyButton message={message} />
    </article>
  );
}

/** Replies go through an event so that the composer (elsewhere in the panel) takes the message. */
const REPLY_EVENT = 'verity:conversation-reply';
function ReplyButton({ message }: { message: CaseMessage }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button conversation-reply"
      onClick={() => window.dispatchEvent(new CustomEvent(REPLY_EVENT, { detail: message.id }))}
    >
      {t('conversation.reply')}
      <span className="visually-hidden"> {t('conversation.replyTo', { name: message.author.name })}</span>
    </button>
  );
}

function Composer({
  caseId,
  channel,
  rightHolder,
  messages,
  onSent,
}: {
  caseId: string;
  channel: Channel;
  rightHolder: boolean;
  messages: CaseMessage[];
  onSent: (message: CaseMessage) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [parentId, setParentId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const { entries, queue, userId } = useUploads(caseId, 'attachment');
  const parent = messages.find((m) => m.id === parentId) ?? null;

  useEffect(() => {
    const onReply = (event: Event) => {
      setParentId((event as CustomEvent<string>).detail);
      document.getElementById(`${id}-body`)?.focus();
    };
    window.addEventListener(REPLY_EVENT, onReply);
    return () => window.removeEventListener(REPLY_EVENT, onReply);
  }, [id]);

  const busy = entries.some((e) => e.state !== 'done' && e.state !== 'failed');
  const ready = entries.filter((e) => e.state === 'done' && e.uploadId);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || busy) return;
    setSending(true);
    setProblem(null);
    try {
      const sent = await postMessage(caseId, {
        channel: channel.channel,
        body,
        parentId,
        internal,
        attachmentUploadIds: ready.map((e) => e.uploadId!),
      });
      for (const entry of ready) await queue.remove(entry.key);
      onSent(sent);
      setBody('');
      setParentId(null);
      setInternal(false);
      setStatus(t('conversation.sent'));
    } catch (error) {
      setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="conversation-composer" onSubmit={(event) => void send(event)}>
      {parent && (
        <p className="notice">
          {t('conversation.replyingTo', { name: parent.author.name })}{' '}
          <button type="button" className="button" onClick={() => setParentId(null)}>
            {t('conversation.cancelReply')}
          </button>
        </p>
      )}
      <div className="case-field">
        <label htmlFor={`${id}-body`}>{t('conversation.message')}</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          value={body}
          maxLength={10_000}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <div className="case-check">
        <input
          id={`${id}-internal`}
          type="checkbox"
          checked={internal || !!parent?.internal}
          disabled={!!parent?.internal}
          onChange={(event) => setInternal(event.target.checked)}
          aria-describedby={`${id}-internal-hint`}
        />
        <label htmlFor={`${id}-internal`}>{t('conversation.internal')}</label>
      </div>
      <p id={`${id}-internal-hint`} className="hint">
        {rightHolder ? t('conversation.internalHintRightHolder') : t('conversation.internalHintCustoms')}
      </p>
      <div className="case-field conversation-attach">
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept={uploadContentTypes.join(',')}
          aria-describedby={`${id}-files-hint`}
          onChange={(event) => {
            for (const file of event.target.files ?? [])
              void queue.add({ userId, caseId, purpose: 'attachment', name: file.name, blob: file });
            event.target.value = '';
          }}
        />
        <label htmlFor={`${id}-files`} className="button">
          {t('conversation.attach')}
        </label>
        <p id={`${id}-files-hint`} className="hint">
          {t('conversation.attachHint')}
        </p>
      </div>
      {entries.length > 0 && (
        <ul className="conversation-uploads">
          {entries.map((entry) => (
            <li key={entry.key}>
              <span>{entry.name}</span>
              {entry.state === 'failed' ? (
                <span className="invalid"> {errorMessage(i18n, entry.code ?? 'UNEXPECTED_RESPONSE')}</span>
              ) : (
                <progress
                  max={entry.size}
                  value={entry.offset}
                  aria-label={t('conversation.attachmentProgress', { name: entry.name })}
                />
              )}
              {entry.state === 'retrying' && <span className="hint"> {t('conversation.photos.retrying')}</span>}
              <button type="button" className="button" onClick={() => void queue.remove(entry.key)}>
                {t('conversation.removeAttachment', { name: entry.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {busy ? t('conversation.attachmentsSending') : status}
      </p>
      <button type="submit" className="button primary" disabled={sending || busy || !body.trim()}>
        {sending ? t('conversation.sending') : t('conversation.send')}
      </button>
    </form>
  );
}
