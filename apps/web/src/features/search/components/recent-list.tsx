import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { clearRecents, onRecentsChanged, readRecents, type RecentEntry } from '../../../lib/recents';
import { Link } from '../../../lib/router';
import { searchPath } from '../api';

/** A scan opens its product when it led to one, else identifies the code again; a search runs again. */
function targetOf(entry: RecentEntry): string {
  if (entry.productId) return `/products/${encodeURIComponent(entry.productId)}`;
  if (entry.kind === 'scan') return `/?code=${encodeURIComponent(entry.text)}`;
  return searchPath({ q: entry.text, brand: '', category: '' });
}

/**
 * The recent scans and searches kept on this device (nothing of it leaves the phone).
 * `onSearchAgain` lets the search box take the words of a search chosen here.
 */
export function RecentList({ onSearchAgain }: { onSearchAgain: (text: string) => void }) {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState(readRecents);
  useEffect(() => onRecentsChanged(() => setEntries(readRecents())), []);
  if (entries.length === 0) return null;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="recents" aria-labelledby="recents-title">
      <div className="recents-head">
        <h2 id="recents-title">{t('search.recents.title')}</h2>
        <button type="button" className="button" onClick={clearRecents}>
          {t('search.recents.clear')}
        </button>
      </div>
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.kind}:${entry.text}`}>
            <Link
              to={targetOf(entry)}
              className="recent"
              onClick={() => {
                if (entry.kind === 'search' && !entry.productId) onSearchAgain(entry.text);
              }}
            >
              <span className="recent-kind">
                {entry.kind === 'scan' ? t('search.recents.scan') : t('search.recents.search')}
              </span>
              <span className="recent-text">{entry.productName ?? entry.text}</span>
              {!Number.isNaN(Date.parse(entry.at)) && (
                <time className="recent-time" dateTime={entry.at}>
                  {date.format(new Date(entry.at))}
                </time>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <p className="hint">{t('search.recents.hint')}</p>
    </section>
  );
}
