import type { ProductSheet } from '@verity/contract';
import { useI18n } from '../../lib/i18n';
import { displayNames } from '../display-names';

type Contact = ProductSheet['contacts'][number];

/** A phone number as a `tel:` URI: digits and a leading +, nothing a dialler could trip on. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * Whom the officer calls: the right holder's contacts, the one for the officer's country first
 * (the server orders them) and marked, each with tap-to-call and tap-to-mail links.
 */
export function ContactsSection({
  contacts,
  organisation,
  country,
}: {
  contacts: Contact[];
  organisation: string;
  /** The reader's country, to mark its contact; null when the reader has none. */
  country: string | null;
}) {
  const { t } = useI18n();
  // The contacts for the reader's country (else the first one) in full; the others folded below.
  const mine = contacts.filter((c) => c.country !== null && c.country === country);
  const shown = mine.length > 0 ? mine : contacts.slice(0, 1);
  const others = contacts.filter((c) => !shown.includes(c));
  return (
    <section className="sheet-section" aria-labelledby="sheet-contacts">
      <h2 id="sheet-contacts">{t('sheet.contacts.title')}</h2>
      <p className="muted">{organisation}</p>
      {contacts.length === 0 && <p className="empty">{t('sheet.contacts.none')}</p>}
      <ContactList contacts={shown} country={country} />
      {others.length > 0 && (
        <details className="more-contacts">
          <summary>{t('sheet.contacts.more', { count: others.length })}</summary>
          <ContactList contacts={others} country={country} />
        </details>
      )}
    </section>
  );
}

function ContactList({ contacts, country }: { contacts: Contact[]; country: string | null }) {
  const { t, lang } = useI18n();
  const names = displayNames(lang);
  if (contacts.length === 0) return null;
  return (
    <ul className="contacts">
      {contacts.map((contact) => (
        <li key={contact.id} className="contact" data-testid="contact">
          <p className="contact-where">
            {contact.country && contact.country === country ? (
              <span className="badge">{t('sheet.contacts.yourCountry')}</span>
            ) : contact.country ? (
              t('sheet.contacts.forCountry', { country: names.country(contact.country) })
            ) : (
              t('sheet.contacts.everyCountry')
            )}
          </p>
          <h3>{contact.name}</h3>
          {contact.role && <p className="muted">{contact.role}</p>}
          <p className="contact-actions">
            {contact.phone && (
              <a className="button" href={telHref(contact.phone)}>
                {t('sheet.contacts.call', { phone: contact.phone })}
              </a>
            )}
            {contact.email && (
              <a className="button" href={`mailto:${contact.email}`}>
                {t('sheet.contacts.mail', { email: contact.email })}
              </a>
            )}
          </p>
          {contact.languages.length > 0 && (
            <p className="hint">
              {t('sheet.contacts.languages', {
                languages: names.list(contact.languages.map((code) => names.language(code))),
              })}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
