import type { InvitationLink } from '@verity/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';

interface Props {
  link: InvitationLink;
  name: string;
  email: string;
  onDone: () => void;
}

/** The invitation link, shown this once (the server keeps only its hash), with a Copy button. */
export function OneTimeLink({ link, name, email, onDone }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      // No clipboard (plain HTTP on a LAN address, or refused): select it for the user instead.
      input.current?.select();
      setCopied('failed');
    }
  };

  const expires = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(link.expiresAt),
  );

  return (
    <section className="card admin-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('admin.link.title', { name })}
      </h2>
      <p>{t('admin.link.note', { email, date: expires })}</p>
      <label htmlFor={`${id}-url`}>{t('admin.link.label')}</label>
      <div className="admin-link-row">
        <input
          id={`${id}-url`}
          ref={input}
          readOnly
          value={link.url}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
        />
        <button type="button" className="button primary" onClick={() => void copy()}>
          {t('admin.link.copy')}
        </button>
      </div>
      <p role="status" className="hint">
        {copied === 'yes' ? t('admin.link.copied') : copied === 'failed' ? t('admin.link.copyFailed') : ''}
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t('admin.link.done')}
      </button>
    </section>
  );
}
