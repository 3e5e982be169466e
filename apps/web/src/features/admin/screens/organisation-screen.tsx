import type { InvitationLink, Organisation, User } from '@verity/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useAppContext } from '../../../lib/app-context';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { listUsers, readOrganisation } from '../api';
import { CaseSettings } from '../components/case-settings';
import { InviteForm } from '../components/invite-form';
import { OneTimeLink } from '../components/one-time-link';
import { OrganisationDetails } from '../components/organisation-details';
import { StateBadge } from '../components/state-badge';
import { UsersTable, type Outcome } from '../components/users-table';
import { kindLabel } from '../labels';

type Loaded = { organisation: Organisation; users: User[] } | { error: string } | null;

/**
 * One organisation: its details (the secretariat edits and deactivates them) and its users,
 * whom the secretariat or the organisation's own administrator invites and manages.
 */
export function OrganisationScreen({ id: organisationId }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAppContext();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<{ user: User; link: InvitationLink } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const secretariat = me.membership.role === 'secretariat_admin';

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(null);
    Promise.all([readOrganisation(organisationId, controller.signal), listUsers(organisationId, controller.signal)])
      .then(([organisation, users]) => setLoaded({ organisation, users: users.items }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded({ error: errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR') });
      });
    return () => controller.abort();
    // Loaded once per organisation; then kept up to date from each answer.
  }, [organisationId]);

  if (loaded === null) return <p className="muted">{t('admin.loading')}</p>;
  if ('error' in loaded)
    return (
      <div className="admin">
        <h1>{t('admin.organisation.unavailable')}</h1>
        <p className="alert">{loaded.error}</p>
        {secretariat && <Link to="/admin">{t('admin.back')}</Link>}
      </div>
    );

  const { organisation, users } = loaded;
  const replaceUser = (user: User) =>
    setLoaded({ organisation, users: users.map((u) => (u.id === user.id ? user : u)) });

  return (
    <div className="admin">
      {secretariat && (
        <p>
          <Link to="/admin">{t('admin.back')}</Link>
        </p>
      )}
      <div className="admin-header">
        <h1 ref={heading} tabIndex={-1}>
          {organisation.name}
        </h1>
        <StateBadge state={organisation.active ? 'active' : 'inactive'} />
      </div>
      <p className="hint">
        {kindLabel(i18n, organisation.kind)}
        {organisation.country && ` · ${organisation.country}`}
      </p>
      <div role="status" aria-live="polite">
        {outcome && <p className={outcome.error ? 'alert' : 'notice'}>{outcome.text}</p>}
      </div>
      {secretariat && (
        <OrganisationDetails
          key={`${organisation.name}-${organisation.country}-${organisation.active}`}
          organisation={organisation}
          onSaved={(saved, result) => {
            setLoaded({ organisation: saved, users });
            setOutcome(result);
          }}
        />
      )}
      {(organisation.kind === 'customs' || organisation.kind === 'agency') &&
        (secretariat || me.membership.role === 'administration_admin') && (
          <CaseSettings organisation={organisation} onSaved={setOutcome} />
        )}
      {/* Not a second landmark named "Users": the users' table is that region (it scrolls). */}
      <section className="admin-section">
        <div className="admin-header">
          <h2 id={`${id}-users`}>{t('admin.users.title')}</h2>
          {!inviting && !link && organisation.active && (
            <button type="button" className="button primary" onClick={() => setInviting(true)}>
              {t('admin.invite.open')}
            </button>
          )}
        </div>
        {inviting && (
          <InviteForm
            organisation={organisation}
            onCancel={() => setInviting(false)}
            onInvited={({ invitation, ...user }) => {
              setInviting(false);
              setLoaded({ organisation, users: [...users, user] });
              if (invitation) setLink({ user, link: invitation });
            }}
          />
        )}
        {link && (
          <OneTimeLink
            link={link.link}
            name={link.user.name}
            email={link.user.email}
            onDone={() => {
              setLink(null);
              heading.current?.focus();
            }}
          />
        )}
        {users.length === 0 ? (
          <p className="empty">{t('admin.users.none')}</p>
        ) : (
          <UsersTable
            organisation={organisation}
            users={users}
            selfId={me.user.id}
            labelledBy={`${id}-users`}
            onChanged={(user, result) => {
              replaceUser(user);
              setOutcome(result);
            }}
            onFailed={setOutcome}
            onLink={(user, issued) => {
              setOutcome(null);
              setLink({ user, link: issued });
            }}
          />
        )}
      </section>
    </div>
  );
}
