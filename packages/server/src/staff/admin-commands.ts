// SPDX-License-Identifier: EUPL-1.2
/**
 * The commands of the admin channel (admin-channel.ts) and of the CLI when no server runs: one
 * implementation over the staff service, so `gusp-server staff invite` answers the same either way.
 */
import { STAFF_ROLES, type StaffRole } from '../auth.js';
import { serverMessage, type ServerLocale } from '../http/messages.js';
import { StaffRefusal } from './accounts.js';
import type { AdminAnswer, AdminCommand } from './admin-channel.js';
import type { StaffService } from './service.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Runs one admin command; a refusal is localized in `input.locale` (French by default). */
export async function runAdminCommand(service: StaffService, command: AdminCommand, input: Record<string, unknown>): Promise<AdminAnswer> {
  const locale: ServerLocale = input.locale === 'en' ? 'en' : 'fr';
  const refused = (code: string, details: Record<string, unknown> = {}): AdminAnswer => ({
    ok: false,
    code,
    message: serverMessage(code, locale, details) ?? code,
  });
  const role = input.role as StaffRole;
  const organisationId = text(input.organisationId);
  try {
    switch (command) {
      case 'staff-invite': {
        const email = text(input.email);
        if (email === undefined || !/^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email)) return refused('staff.invalid-email');
        if (!STAFF_ROLES.includes(role)) return refused('staff.invalid-role');
        const { account, link, expiresAt } = await service.invite({
          email,
          name: text(input.name),
          role,
          organisationId,
          invitedBy: 'cli',
          locale: text(input.locale),
        });
        return { ok: true, value: { account, link, expiresAt } };
      }
      case 'token-create': {
        if (!STAFF_ROLES.includes(role)) return refused('staff.invalid-role');
        const created = await service.createToken({ role, organisationId, label: text(input.label), createdBy: 'cli' });
        return { ok: true, value: { ...created, role, ...(organisationId ? { organisationId } : {}) } };
      }
      case 'token-revoke': {
        const id = text(input.id);
        if (id === undefined) return refused('staff.token-not-found', { id: '' });
        await service.revokeToken(id);
        return { ok: true, value: { id, revoked: true } };
      }
    }
  } catch (e) {
    if (e instanceof StaffRefusal) return refused(e.code, e.details);
    throw e;
  }
}
