import type { InvitationLink, Organisation, Role, User } from '@verity/contract';
import { rolesByKind } from '@verity/contract/values';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { reinviteUser, setRole, updateUser } from '../api';
import { roleLabel } from '../labels';
import { StateBadge } from './state-badge';

export interface Outcome {
  text: string;
  error?: boolean;
}

interface Props {
  organisation: Organisation;
  users: User[];
  /** The signed-in user, who may not deactivate themselves or change their own role. */
  selfId: string;
  labelledBy: string;
  onChanged: (user: User, outcome: Outcome) => void;
  onFailed: (outcome: Outcome) => void;
  onLink: (user: User, link: InvitationLink) => void;
}

/** The organisation's users, each with: change role, deactivate/reactivate, new link. */
export function UsersTable({ users, labelledBy, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.role')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} {...rest} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({
  user,
  organisation,
  selfId,
  onChanged,
  onFailed,
  onLink,
}: Omit<Props, 'users' | 'labelledBy'> & { user: User }) {
  const i18n = useI18n();
  const { t } = i18n;
  const current = user.memberships.find((m) => m.organisationId === organisation.id)?.role ?? user.memberships[0]!.role;
  const [role, setChosenRole] = useState<Role>(current);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const roles = rolesByKind[organisation.kind];
  const self = user.id === selfId;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onFailed({
        text: `${user.name}: ${errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR')}`,
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const changeRole = () =>
    run(async () => {
      const updated = await setRole(user.id, organisation.id, role);
      onChanged(updated, { text: t('admin.users.roleChanged', { name: user.name, role: roleLabel(i18n, role) }) });
    });

  const setActive = (active: boolean) =>
    run(async () => {
      setConfirming(false);
      const updated = await updateUser(user.id, { active });
      onChanged(updated, {
        text: active
          ? t('admin.users.reactivated', { name: user.name })
          : t('admin.users.deactivated', { name: user.name }),
      });
    });

  const reinvite = () => run(async () => onLink(user, await reinviteUser(user.id)));

  const state = !user.active ? 'inactive' : user.passwordSet ? 'active' : 'invited';
  const roleId = `role-${user.id}`;

  return (
    <tr>
      <th scope="row">
        {user.name}
        {self && <span className="muted"> {t('admin.users.you')}</span>}
      </th>
      <td data-label={t('admin.users.email')}>{user.email}</td>
      <td data-label={t('admin.users.role')}>
        {roles.length > 1 && !self ? (
          <div className="admin-actions">
            <label htmlFor={roleId} className="visually-hidden">
              {t('admin.users.roleOf', { name: user.name })}
            </label>
            <select id={roleId} value={role} onChange={(event) => setChosenRole(event.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(i18n, r)}
                </option>
              ))}
            </select>
            {role !== current && (
              <button type="button" className="button" disabled={busy} onClick={() => void changeRole()}>
                {t('admin.users.changeRole')}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
          </div>
        ) : (
          roleLabel(i18n, current)
        )}
      </td>
      <td data-label={t('admin.status')}>
        <StateBadge state={state} />
      </td>
      <td data-label={t('admin.users.actions')}>
        {!self && (
          <div className="admin-actions">
            {user.active && (
              <button type="button" className="button" disabled={busy} onClick={() => void reinvite()}>
                {t('admin.users.reinvite')}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
            {!user.active && (
              <button type="button" className="button" disabled={busy} onClick={() => void setActive(true)}>
                {t('admin.users.reactivate')}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
            {user.active && !confirming && (
              <button type="button" className="button admin-danger" disabled={busy} onClick={() => setConfirming(true)}>
                {t('admin.users.deactivate')}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
            {user.active && confirming && (
              <span
                className="admin-confirm"
                role="group"
                aria-label={t('admin.users.confirmDeactivate', { name: user.name })}
              >
                <span>{t('admin.users.confirmDeactivate', { name: user.name })}</span>
                <button type="button" className="button admin-danger" onClick={() => void setActive(false)}>
                  {t('admin.users.confirm')}
                </button>
                <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
                  {t('admin.cancel')}
                </button>
              </span>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
