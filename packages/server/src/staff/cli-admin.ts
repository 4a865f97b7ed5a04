// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp-server staff invite` and `token create|revoke` through a running server's admin channel
 * (admin-channel.ts): their options, and what they print. The CLI runs this before it loads the
 * rest of the server (seconds under tsx), so against a running server the command answers in well
 * under 2 s; when no server answers, the CLI's own commands open the database (cli.ts).
 *
 * Nothing here but Node's own modules and the admin channel's: keep it that way.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { callAdminChannel, type AdminAnswer, type AdminCommand } from './admin-channel.js';

const DATA_DIR = { 'data-dir': { type: 'string', default: process.env.GUSP_DATA_DIR ?? '.gusp-data' } } as const;

/** The options of `staff invite` (`--public-url` and `--city` serve only without a running server). */
export const STAFF_INVITE_OPTIONS = {
  email: { type: 'string' },
  role: { type: 'string' },
  organisation: { type: 'string' },
  name: { type: 'string' },
  lang: { type: 'string' },
  'public-url': { type: 'string', default: process.env.GUSP_PUBLIC_URL },
  ...DATA_DIR,
  'database-url': { type: 'string', default: process.env.DATABASE_URL },
  city: { type: 'string', default: process.env.GUSP_CITY_PROFILE },
} as const;

/** The language of the command's refusals: `--lang`, else LC_ALL, LC_MESSAGES or LANG (French unless English). */
export const cliLanguage = (lang?: string): 'fr' | 'en' =>
  (lang ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr';

/** The admin command and its input for `staff invite`'s parsed options. */
export function staffInviteInput(values: {
  email?: string | undefined;
  role?: string | undefined;
  organisation?: string | undefined;
  name?: string | undefined;
  lang?: string | undefined;
}) {
  return {
    email: values.email,
    role: values.role,
    organisationId: values.organisation,
    name: values.name,
    locale: cliLanguage(values.lang),
  };
}

/** What a successful command prints: the secret alone on stdout (for scripts), what it is on stderr. */
export function printAnswer(command: AdminCommand, value: Record<string, unknown>): void {
  if (command === 'staff-invite') {
    const account = value.account as { id: string; email: string; role: string; organisationId?: string };
    process.stderr.write(
      `Account ${account.id} (${account.role}${account.organisationId ? `, ${account.organisationId}` : ''}) invited / invité : ${account.email}\n` +
        `Sign-in link, valid until ${String(value.expiresAt)}, once; also emailed when SMTP is set / lien de connexion, valable une fois jusqu’au ${String(value.expiresAt)} ; envoyé aussi par courriel si SMTP est configuré :\n`,
    );
    process.stdout.write(`${String(value.link)}\n`);
  } else if (command === 'token-create') {
    const organisation = value.organisationId === undefined ? '' : `, ${value.organisationId as string}`;
    process.stderr.write(
      `Token ${String(value.id)} (${value.role as string}${organisation}) — shown once, keep it secret / affiché une seule fois, gardez-le secret:\n`,
    );
    process.stdout.write(`${String(value.token)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'token revoked', id: value.id })}\n`);
  }
}

/** A refusal as the CLI shows it: a JSON log line (as the other commands' errors), exit code 1. */
export function printRefusal(answer: Extract<AdminAnswer, { ok: false }>): number {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: answer.message, code: answer.code })}\n`);
  return 1;
}

/**
 * Runs `argv` through the running server's admin channel when it is one of these commands, well
 * formed, on a data directory (PGlite) a server holds: the exit code. `undefined` otherwise (another
 * command, a usage error, PostgreSQL, no server): the CLI then runs the command itself.
 */
export async function viaAdminChannel(argv: readonly string[]): Promise<number | undefined> {
  let command: AdminCommand;
  let input: Record<string, unknown>;
  let dataDir: string;
  try {
    if (argv[0] === 'staff' && argv[1] === 'invite') {
      const { values } = parseArgs({ args: argv.slice(2), options: STAFF_INVITE_OPTIONS, strict: true });
      if (values['database-url'] || !values.email || !values.role) return undefined;
      command = 'staff-invite';
      input = staffInviteInput(values);
      dataDir = values['data-dir'];
    } else if (argv[0] === 'token' && argv[1] === 'create') {
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          role: { type: 'string' },
          organisation: { type: 'string' },
          label: { type: 'string' },
          ...DATA_DIR,
          'database-url': { type: 'string', default: process.env.DATABASE_URL },
          city: { type: 'string', default: process.env.GUSP_CITY_PROFILE },
        },
        strict: true,
      });
      if (values['database-url'] || !values.role) return undefined;
      command = 'token-create';
      input = { role: values.role, organisationId: values.organisation, label: values.label, locale: cliLanguage() };
      dataDir = values['data-dir'];
    } else if (argv[0] === 'token' && argv[1] === 'revoke') {
      const { values, positionals } = parseArgs({
        args: argv.slice(2),
        options: { ...DATA_DIR, 'database-url': { type: 'string', default: process.env.DATABASE_URL } },
        allowPositionals: true,
        strict: true,
      });
      if (values['database-url'] || positionals.length !== 1) return undefined;
      command = 'token-revoke';
      input = { id: positionals[0], locale: cliLanguage() };
      dataDir = values['data-dir'];
    } else return undefined;
  } catch {
    // A usage error: the CLI prints it with its usage text.
    return undefined;
  }
  const answer = await callAdminChannel(resolve(dataDir), command, input);
  if (answer === undefined) return undefined;
  if (!answer.ok) return printRefusal(answer);
  printAnswer(command, answer.value);
  return 0;
}
