// SPDX-License-Identifier: EUPL-1.2
/**
 * The texts of the engagements' CSV import ({@linkcode planEngagementImport}), French first then
 * English: kept beside the planner (its own domain) so a bundle that never imports carries none.
 */
import type { CataloguePart, Messages } from '../locales/types.js';

// A detail is whatever the planner put there (ids, numbers, labels): String() is how it is worded.
// eslint-disable-next-line @typescript-eslint/no-base-to-string
const s = (v: unknown): string => String(v ?? '');

const fr = {
  errors: {
    'engagement-import.invalid': (d) =>
      `Le fichier n’a pas été appliqué : ${s(d.count)} problème(s), rien n’a changé. Corrigez-les puis envoyez-le à nouveau.`,
    'engagement-import.apply-failed': (d) =>
      `Ligne ${s(d.row)} refusée pendant l’application (l’engagement a changé entre-temps) : ${s(d.why)} Renvoyez le même fichier : ce qui est déjà appliqué ne le sera pas deux fois.`,
    'engagement-import.csv-required': 'Joignez un fichier CSV (l’export des engagements, modifié).',
    'engagement-import.id-required': 'La colonne id est vide : gardez l’identifiant de l’export.',
    'engagement-import.unknown-id': (d) => `Aucun engagement n’a l’identifiant « ${s(d.engagementId)} ».`,
    'engagement-import.duplicate-id': (d) => `Cet engagement figure déjà à la ligne ${s(d.first)}.`,
    'engagement-import.forbidden-organisation':
      'Cet engagement est celui d’une autre organisation : vous ne pouvez modifier que les vôtres.',
    'engagement-import.invalid-status': (d) =>
      `Statut « ${s(d.value)} » inconnu. Valeurs possibles : ${Array.isArray(d.values) ? d.values.join(', ') : ''}.`,
    'engagement-import.percent-out-of-range': (d) => `Avancement « ${s(d.value)} » : un nombre entier de 0 à 100 est attendu.`,
    'engagement-import.invalid-day': (d) => `Date « ${s(d.value)} » invalide : format AAAA-MM-JJ attendu.`,
    'engagement-import.no-path': (d) => `Impossible de passer de « ${s(d.from)} » à « ${s(d.to)} ».`,
    'engagement-import.refused': (d) => `${s(d.commandLabel)} refusé (statut « ${s(d.statusLabel)} ») : ${s(d.why)}`,
    'engagement-import.coordinator-only': (d) => `${s(d.commandLabel)} : seule la coordination peut le faire.`,
    'engagement-import.organisation-required': 'Pour accepter cet engagement, indiquez l’organisation (organisationId).',
    'engagement-import.due-required': 'Pour accepter cet engagement, indiquez l’échéance (dueOn).',
    'engagement-import.organisation-fixed': 'L’organisation d’un engagement accepté ne change pas par import.',
  },
  labels: {
    'engagement-import.command.accept': 'Accepter',
    'engagement-import.command.start': 'Démarrer',
    'engagement-import.command.progress': 'Point d’étape',
    'engagement-import.command.complete': 'Marquer réalisé',
    'engagement-import.command.verify': 'Vérifier',
    'engagement-import.command.reopen': 'Rouvrir',
    'engagement-import.command.abandon': 'Abandonner',
    'engagement-import.command.reschedule': 'Reporter l’échéance',
  },
} satisfies CataloguePart;

const en = {
  errors: {
    'engagement-import.invalid': (d) => `The file was not applied: ${s(d.count)} problem(s), nothing changed. Fix them and send it again.`,
    'engagement-import.apply-failed': (d) =>
      `Row ${s(d.row)} was refused while applying (the engagement changed meanwhile): ${s(d.why)} Send the same file again: what is already applied will not be applied twice.`,
    'engagement-import.csv-required': 'Attach a CSV file (the engagements export, edited).',
    'engagement-import.id-required': 'The id column is empty: keep the id from the export.',
    'engagement-import.unknown-id': (d) => `No engagement has the id “${s(d.engagementId)}”.`,
    'engagement-import.duplicate-id': (d) => `This engagement is already on row ${s(d.first)}.`,
    'engagement-import.forbidden-organisation': 'This engagement belongs to another organisation: you may change only your own.',
    'engagement-import.invalid-status': (d) =>
      `Unknown status “${s(d.value)}”. Possible values: ${Array.isArray(d.values) ? d.values.join(', ') : ''}.`,
    'engagement-import.percent-out-of-range': (d) => `Progress “${s(d.value)}”: a whole number from 0 to 100 is expected.`,
    'engagement-import.invalid-day': (d) => `Invalid date “${s(d.value)}”: YYYY-MM-DD expected.`,
    'engagement-import.no-path': (d) => `Cannot go from “${s(d.from)}” to “${s(d.to)}”.`,
    'engagement-import.refused': (d) => `${s(d.commandLabel)} refused (status “${s(d.statusLabel)}”): ${s(d.why)}`,
    'engagement-import.coordinator-only': (d) => `${s(d.commandLabel)}: only the coordination may do it.`,
    'engagement-import.organisation-required': 'To accept this engagement, give the organisation (organisationId).',
    'engagement-import.due-required': 'To accept this engagement, give the due date (dueOn).',
    'engagement-import.organisation-fixed': 'The organisation of an accepted engagement does not change by import.',
  },
  labels: {
    'engagement-import.command.accept': 'Accept',
    'engagement-import.command.start': 'Start',
    'engagement-import.command.progress': 'Progress update',
    'engagement-import.command.complete': 'Mark done',
    'engagement-import.command.verify': 'Verify',
    'engagement-import.command.reopen': 'Reopen',
    'engagement-import.command.abandon': 'Abandon',
    'engagement-import.command.reschedule': 'Move the due date',
  },
} satisfies CataloguePart;

/** The import's texts in every built-in language, for `errorMessageIn` / `labelIn`. */
export const ENGAGEMENT_IMPORT_MESSAGES: Messages = { fr, en };
