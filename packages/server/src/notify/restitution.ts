// SPDX-License-Identifier: EUPL-1.2
/**
 * The restitution of a shared compte-rendu (DOMAIN.md « Restitution »): who gets it by email (every
 * attendee, walk-ins included, and every registrant — confirmed, waitlisted, absent — who gave an
 * address; not those who cancelled or were removed, nor the erased), the organisations concerned
 * (an engagement or a qualified observation of the walk) through their active staff accounts, and
 * the people without an email, on a printable list for staff. Pure functions of the walk, its
 * observations and engagements and the staff accounts, so the notifier (which writes the emails)
 * and the console's summary (which counts them) agree by construction.
 */
import { escapeHtml, type CityProfile, type Engagement, type Observation, type Registration, type WalkAggregate } from '@gusp/core';
import { isActive, type StaffAccount } from '../staff/accounts.js';
import { neverEmailed } from './emails.js';

/** The registrations the compte-rendu goes back to: those who came, and those who signed up and did not cancel. */
export const RESTITUTION_STATUSES: ReadonlySet<string> = new Set(['attended', 'confirmed', 'waitlisted', 'absent']);

export interface OrganisationRecipients {
  readonly organisationId: string;
  readonly name: string;
  /** Its active staff accounts with an address. */
  readonly accounts: readonly StaffAccount[];
}

export interface Restitution {
  /** People told by email, one registration per address. */
  readonly emailed: readonly Registration[];
  /** People with no email (a phone, or nothing): the printable list. */
  readonly withoutEmail: readonly Registration[];
  readonly organisations: readonly OrganisationRecipients[];
}

/** The organisations concerned by a walk: those with one of its engagements, or one of its observations qualified for them. */
export function concernedOrganisations(walkId: string, observations: readonly Observation[], engagements: readonly Engagement[]): string[] {
  const mine = observations.filter((o) => o.walkId === walkId && o.status !== 'duplicate' && o.status !== 'rejected');
  const ids = new Set<string>(mine.map((o) => o.id));
  const out = new Set<string>();
  for (const o of mine) if (o.organisationId) out.add(o.organisationId);
  for (const e of engagements)
    if (e.organisationId && (e.walkId === walkId || e.observationIds.some((id) => ids.has(id)))) out.add(e.organisationId);
  return [...out].sort();
}

/** Who the shared compte-rendu of `agg` reaches, and how. */
export function restitutionOf(
  city: CityProfile,
  agg: WalkAggregate,
  observations: readonly Observation[],
  engagements: readonly Engagement[],
  accounts: readonly StaffAccount[],
): Restitution {
  const emailed: Registration[] = [];
  const withoutEmail: Registration[] = [];
  const seen = new Set<string>();
  for (const r of agg.registrations) {
    if (!RESTITUTION_STATUSES.has(r.status) || r.anonymised) continue;
    const email = r.email?.trim().toLowerCase();
    if (!email) withoutEmail.push(r);
    else if (!neverEmailed(email) && !seen.has(email)) {
      seen.add(email);
      emailed.push(r);
    }
  }
  const organisations = concernedOrganisations(agg.walk.id, observations, engagements).map((organisationId) => ({
    organisationId,
    name: city.organisations.find((o) => o.id === organisationId)?.name ?? organisationId,
    accounts: accounts.filter(
      (a) => a.role === 'organisation' && a.organisationId === organisationId && isActive(a) && !neverEmailed(a.email ?? ''),
    ),
  }));
  return { emailed, withoutEmail, organisations };
}

/** What the console shows once the report is shared: counts, and where the printable list is. */
export function restitutionCounts(r: Restitution) {
  return {
    emailed: r.emailed.length,
    organisations: r.organisations.length,
    organisationAccounts: r.organisations.reduce((n, o) => n + o.accounts.length, 0),
    withoutEmail: r.withoutEmail.length,
    byOrganisation: r.organisations.map((o) => ({ organisationId: o.organisationId, name: o.name, accounts: o.accounts.length })),
  };
}

const TEXTS = {
  fr: {
    title: 'Compte-rendu à remettre : personnes sans adresse e-mail',
    intro: (quartier: string, day: string) =>
      `Diagnostic en marchant du quartier ${quartier}, ${day}. Ces personnes n’ont pas donné d’adresse e-mail : remettez-leur le compte-rendu imprimé, appelez-les ou affichez-le à la prochaine permanence.`,
    caption: 'Personnes à joindre autrement que par e-mail',
    name: 'Nom',
    phone: 'Téléphone',
    status: 'Inscription',
    how: 'Comment la joindre',
    done: 'Fait',
    byPhone: 'Appeler, puis remettre le compte-rendu imprimé',
    byHand: 'Remettre en main propre ou afficher à la permanence',
    none: 'Tout le monde a donné une adresse e-mail : personne à joindre autrement.',
    link: 'Compte-rendu public :',
    staffOnly: 'Document interne : données personnelles, à ne pas afficher ni diffuser.',
    statuses: { attended: 'Présent·e', confirmed: 'Inscrit·e', waitlisted: 'Liste d’attente', absent: 'Absent·e' } as Record<
      string,
      string
    >,
    walkIn: 'venu·e sans inscription',
  },
  en: {
    title: 'Report to hand out: people without an email address',
    intro: (quartier: string, day: string) =>
      `Neighbourhood walk in ${quartier}, ${day}. These people gave no email address: hand them the printed report, phone them or post it at the next drop-in session.`,
    caption: 'People to reach other than by email',
    name: 'Name',
    phone: 'Phone',
    status: 'Registration',
    how: 'How to reach them',
    done: 'Done',
    byPhone: 'Phone, then hand over the printed report',
    byHand: 'Hand it over in person or post it at the drop-in session',
    none: 'Everyone gave an email address: nobody to reach another way.',
    link: 'Public report:',
    staffOnly: 'Internal document: personal data, not to be posted or passed on.',
    statuses: { attended: 'Attended', confirmed: 'Registered', waitlisted: 'Waiting list', absent: 'Absent' } as Record<string, string>,
    walkIn: 'walk-in',
  },
};

/** The printable list of the people without an email (staff only: it carries names and phones), French unless `locale` is English. */
export function withoutEmailPage(city: CityProfile, agg: WalkAggregate, r: Restitution, locale: string, reportUrl: string): string {
  const en = locale.toLowerCase().startsWith('en');
  const t = en ? TEXTS.en : TEXTS.fr;
  const quartier = city.quartiers.find((q) => q.id === agg.walk.quartierId)?.name ?? agg.walk.quartierId;
  const day = new Intl.DateTimeFormat(en ? 'en-GB' : 'fr-FR', { dateStyle: 'full', timeZone: city.timezone }).format(
    new Date(agg.walk.startsAt),
  );
  const rows = r.withoutEmail
    .map((p) => {
      const status = `${t.statuses[p.status] ?? p.status}${p.channel === 'walk-in' ? ` (${t.walkIn})` : ''}`;
      const phone = p.phone?.trim();
      return `<tr><th scope="row">${escapeHtml(p.name)}</th><td>${phone ? `<a href="tel:${escapeHtml(phone.replace(/[^+\d]/g, ''))}">${escapeHtml(phone)}</a>` : '—'}</td><td>${escapeHtml(status)}</td><td>${escapeHtml(phone ? t.byPhone : t.byHand)}</td><td class="box"><span aria-hidden="true">☐</span></td></tr>`;
    })
    .join('\n');
  const table = r.withoutEmail.length
    ? `<table>
<caption>${escapeHtml(t.caption)} (${r.withoutEmail.length})</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.phone}</th><th scope="col">${t.status}</th><th scope="col">${t.how}</th><th scope="col">${t.done}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : `<p>${escapeHtml(t.none)}</p>`;
  return `<!doctype html>
<html lang="${en ? 'en' : 'fr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${t.title} – ${quartier}`)}</title>
<style>
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.5rem; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef6; }
.box { text-align: center; font-size: 1.25rem; }
.note { color: #4a4a4a; font-size: .9rem; }
a { color: #1a4f8b; }
@page { size: A4; margin: 15mm; }
@media print { body { max-width: none; padding: 0; font-size: 10.5pt; } thead { display: table-header-group; } tr { break-inside: avoid; } thead th { background: none; } a { color: #000; text-decoration: none; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro(quartier, day))}</p>
${table}
<p>${escapeHtml(t.link)} <a href="${escapeHtml(reportUrl)}">${escapeHtml(reportUrl)}</a></p>
<p class="note">${escapeHtml(t.staffOnly)}</p>
</main>
</body>
</html>
`;
}
