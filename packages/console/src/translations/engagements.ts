// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-engagements>` (its room: only this screen uses them), French then English. */
export type EngagementAction = 'accept' | 'start' | 'progress' | 'complete' | 'verify' | 'reopen' | 'abandon' | 'reschedule';

export interface EngagementsTexts {
  readonly title: string;
  readonly intro: string;
  readonly introOrganisation: (organisation: string) => string;
  // Filters.
  readonly filtersTitle: string;
  readonly status: string;
  readonly anyStatus: string;
  readonly organisation: string;
  readonly anyOrganisation: string;
  readonly quartier: string;
  readonly anyQuartier: string;
  readonly due: string;
  readonly anyDue: string;
  readonly overdueOnly: string;
  readonly dueSoonOnly: string;
  readonly listTitle: string;
  readonly count: (shown: number) => string;
  readonly none: string;
  // One engagement.
  readonly noOrganisation: string;
  readonly dueOn: (day: string) => string;
  readonly noDueDate: string;
  readonly overdue: string;
  readonly dueSoon: string;
  readonly progress: (percent: number) => string;
  readonly residents: string;
  readonly residentAnswers: (yes: number, partly: number, no: number) => string;
  readonly residentsNone: string;
  readonly residentsSaidNo: string;
  readonly history: (title: string) => string;
  readonly historyTitle: string;
  readonly historyEmpty: string;
  readonly milestones: Readonly<Record<string, string>>;
  readonly by: (who: string) => string;
  // Actions.
  readonly actions: Readonly<Record<EngagementAction, string>>;
  readonly actionFor: (action: string, title: string) => string;
  readonly formTitle: (action: string, title: string) => string;
  readonly percent: string;
  readonly percentHint: string;
  readonly note: string;
  readonly noteHint: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly newDueOn: string;
  readonly chooseOrganisation: string;
  readonly send: Readonly<Record<EngagementAction, string>>;
  readonly sending: string;
  readonly cancel: string;
  readonly done: Readonly<Record<EngagementAction, (title: string) => string>>;
  readonly kept: string;
  readonly verifyWithAnswers: string;
  // Refusals, by code.
  readonly refusals: {
    readonly forbiddenOrganisation: string;
    readonly organisationCannotVerify: string;
    readonly reasonRequired: string;
    readonly dueInPast: string;
    readonly invalidTransition: string;
    readonly notFound: string;
  };
  readonly required: (field: string) => string;
  readonly percentRange: string;
  // The import.
  readonly importTitle: string;
  readonly importIntro: string;
  readonly importColumns: string;
  readonly downloadExport: string;
  readonly file: string;
  readonly fileHint: string;
  readonly check: string;
  readonly checking: string;
  readonly apply: string;
  readonly applying: string;
  readonly noFile: string;
  readonly unreadable: string;
  readonly problemsTitle: (count: number) => string;
  readonly problemsCaption: string;
  readonly row: string;
  readonly column: string;
  readonly message: string;
  readonly wholeRow: string;
  readonly clean: (rows: number, changed: number, unchanged: number) => string;
  readonly nothingToApply: string;
  readonly applied: (applied: number, changed: number, unchanged: number) => string;
  readonly fileChanged: string;
}

export const engagementsFr: EngagementsTexts = {
  title: 'Engagements',
  intro: 'Les engagements pris après les diagnostics, leur échéance et leur avancement.',
  introOrganisation: (organisation) => `Les engagements de ${organisation} : mettez à jour leur avancement, marquez-les réalisés.`,
  filtersTitle: 'Filtrer',
  status: 'Statut',
  anyStatus: 'Tous les statuts',
  organisation: 'Organisation',
  anyOrganisation: 'Toutes les organisations',
  quartier: 'Quartier',
  anyQuartier: 'Tous les quartiers',
  due: 'Échéance',
  anyDue: 'Toutes les échéances',
  overdueOnly: 'En retard',
  dueSoonOnly: 'Échéance proche (14 jours)',
  listTitle: 'Liste des engagements',
  count: (n) => (n === 0 ? 'Aucun engagement.' : n === 1 ? '1 engagement.' : `${n} engagements.`),
  none: 'Aucun engagement ne correspond à ces filtres.',
  noOrganisation: 'Organisation à désigner',
  dueOn: (day) => `Échéance : ${day}`,
  noDueDate: 'Sans échéance',
  overdue: 'En retard',
  dueSoon: 'Échéance proche',
  progress: (p) => `Avancement : ${p} %`,
  residents: 'Avis des habitants',
  residentAnswers: (yes, partly, no) => `« Est-ce réglé ? » Oui : ${yes} · En partie : ${partly} · Non : ${no}`,
  residentsNone: 'Aucune réponse des habitants pour l’instant.',
  residentsSaidNo: 'Des habitants disent que ce n’est pas réglé : regardez avant de vérifier.',
  history: (title) => `Historique de « ${title} »`,
  historyTitle: 'Historique',
  historyEmpty: 'Aucune étape.',
  milestones: {
    proposed: 'Proposé',
    accepted: 'Accepté',
    started: 'Travaux commencés',
    progressed: 'Point d’étape',
    completed: 'Réalisé',
    verified: 'Vérifié',
    reopened: 'Rouvert',
    abandoned: 'Abandonné',
    rescheduled: 'Échéance reportée',
    answered: 'Réponse d’un habitant',
  },
  by: (who) => `par ${who}`,
  actions: {
    accept: 'Accepter et attribuer',
    start: 'Démarrer',
    progress: 'Point d’étape',
    complete: 'Marquer réalisé',
    verify: 'Vérifier',
    reopen: 'Rouvrir',
    abandon: 'Abandonner',
    reschedule: 'Reporter l’échéance',
  },
  actionFor: (action, title) => `${action} : « ${title} »`,
  formTitle: (action, title) => `${action} — ${title}`,
  percent: 'Avancement (%)',
  percentHint: 'Un nombre entier de 0 à 100.',
  note: 'Note',
  noteHint: 'Facultatif : ce qui a été fait, ce qui reste.',
  reason: 'Motif',
  reasonHint: 'Obligatoire : il figure dans l’historique.',
  newDueOn: 'Échéance',
  chooseOrganisation: 'Choisissez l’organisation',
  send: {
    accept: 'Accepter',
    start: 'Démarrer',
    progress: 'Enregistrer le point d’étape',
    complete: 'Marquer réalisé',
    verify: 'Vérifier',
    reopen: 'Rouvrir',
    abandon: 'Abandonner l’engagement',
    reschedule: 'Reporter',
  },
  sending: 'Envoi…',
  cancel: 'Annuler',
  done: {
    accept: (t) => `« ${t} » est accepté.`,
    start: (t) => `« ${t} » est démarré.`,
    progress: (t) => `Point d’étape enregistré pour « ${t} ».`,
    complete: (t) => `« ${t} » est marqué réalisé.`,
    verify: (t) => `« ${t} » est vérifié.`,
    reopen: (t) => `« ${t} » est rouvert.`,
    abandon: (t) => `« ${t} » est abandonné.`,
    reschedule: (t) => `L’échéance de « ${t} » est reportée.`,
  },
  kept: 'Ce que vous avez saisi est conservé : réessayez.',
  verifyWithAnswers: 'Vérifiez avec l’avis des habitants en vue :',
  refusals: {
    forbiddenOrganisation: 'Cet engagement est celui d’une autre organisation : vous ne pouvez modifier que les vôtres.',
    organisationCannotVerify:
      'Une organisation ne vérifie jamais ses propres engagements : la coordination le fait, avec l’avis des habitants.',
    reasonRequired: 'Indiquez un motif.',
    dueInPast: 'L’échéance ne peut pas être dans le passé.',
    invalidTransition: 'Cette action n’est plus possible : l’engagement a changé entre-temps. La liste est à jour.',
    notFound: 'Cet engagement est introuvable.',
  },
  required: (field) => `${field} : ce champ est obligatoire.`,
  percentRange: 'Avancement : un nombre entier de 0 à 100.',
  importTitle: 'Importer un fichier CSV',
  importIntro:
    'Téléchargez l’export, modifiez-le dans un tableur (statut, avancement, échéance), puis importez-le : le fichier est d’abord vérifié ligne par ligne, rien n’est appliqué tant qu’une ligne pose problème.',
  importColumns:
    'Colonnes lues : id, status, progress, dueOn, organisationId, et deux colonnes à ajouter si besoin : note et reason (motif d’un report). Les autres sont ignorées.',
  downloadExport: 'Télécharger l’export (CSV)',
  file: 'Fichier CSV',
  fileHint: 'Séparateur « ; » ou « , ».',
  check: 'Vérifier le fichier',
  checking: 'Vérification…',
  apply: 'Appliquer',
  applying: 'Application…',
  noFile: 'Choisissez un fichier CSV.',
  unreadable: 'Ce fichier n’a pas pu être lu.',
  problemsTitle: (n) => (n === 1 ? '1 problème : rien ne sera appliqué' : `${n} problèmes : rien ne sera appliqué`),
  problemsCaption: 'Problèmes du fichier, ligne par ligne',
  row: 'Ligne',
  column: 'Colonne',
  message: 'Problème',
  wholeRow: '(toute la ligne)',
  clean: (rows, changed, unchanged) =>
    `Aucun problème : ${rows} ligne(s), ${changed} à modifier, ${unchanged} sans changement. Vous pouvez appliquer.`,
  nothingToApply: 'Rien à appliquer : toutes les lignes correspondent déjà aux engagements.',
  applied: (applied, changed, unchanged) =>
    `Fichier appliqué : ${changed} engagement(s) mis à jour (${applied} action(s)), ${unchanged} sans changement.`,
  fileChanged: 'Le fichier a changé : vérifiez-le à nouveau.',
};

export const engagementsEn: EngagementsTexts = {
  title: 'Commitments',
  intro: 'The commitments made after the walks, their due dates and progress.',
  introOrganisation: (organisation) => `${organisation}’s commitments: update their progress, mark them done.`,
  filtersTitle: 'Filter',
  status: 'Status',
  anyStatus: 'Every status',
  organisation: 'Organisation',
  anyOrganisation: 'Every organisation',
  quartier: 'Neighbourhood',
  anyQuartier: 'Every neighbourhood',
  due: 'Due date',
  anyDue: 'Any due date',
  overdueOnly: 'Overdue',
  dueSoonOnly: 'Due soon (14 days)',
  listTitle: 'List of commitments',
  count: (n) => (n === 0 ? 'No commitment.' : n === 1 ? '1 commitment.' : `${n} commitments.`),
  none: 'No commitment matches these filters.',
  noOrganisation: 'Organisation to be named',
  dueOn: (day) => `Due: ${day}`,
  noDueDate: 'No due date',
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  progress: (p) => `Progress: ${p}%`,
  residents: 'Residents’ answers',
  residentAnswers: (yes, partly, no) => `“Is it settled?” Yes: ${yes} · Partly: ${partly} · No: ${no}`,
  residentsNone: 'No answer from residents yet.',
  residentsSaidNo: 'Some residents say it is not settled: look before verifying.',
  history: (title) => `History of “${title}”`,
  historyTitle: 'History',
  historyEmpty: 'No step.',
  milestones: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    started: 'Work started',
    progressed: 'Progress update',
    completed: 'Done',
    verified: 'Verified',
    reopened: 'Reopened',
    abandoned: 'Abandoned',
    rescheduled: 'Due date moved',
    answered: 'A resident’s answer',
  },
  by: (who) => `by ${who}`,
  actions: {
    accept: 'Accept and assign',
    start: 'Start',
    progress: 'Progress update',
    complete: 'Mark done',
    verify: 'Verify',
    reopen: 'Reopen',
    abandon: 'Abandon',
    reschedule: 'Move the due date',
  },
  actionFor: (action, title) => `${action}: “${title}”`,
  formTitle: (action, title) => `${action} — ${title}`,
  percent: 'Progress (%)',
  percentHint: 'A whole number from 0 to 100.',
  note: 'Note',
  noteHint: 'Optional: what was done, what is left.',
  reason: 'Reason',
  reasonHint: 'Required: it shows in the history.',
  newDueOn: 'Due date',
  chooseOrganisation: 'Choose the organisation',
  send: {
    accept: 'Accept',
    start: 'Start',
    progress: 'Save the progress update',
    complete: 'Mark done',
    verify: 'Verify',
    reopen: 'Reopen',
    abandon: 'Abandon the commitment',
    reschedule: 'Move',
  },
  sending: 'Sending…',
  cancel: 'Cancel',
  done: {
    accept: (t) => `“${t}” is accepted.`,
    start: (t) => `“${t}” is started.`,
    progress: (t) => `Progress update saved for “${t}”.`,
    complete: (t) => `“${t}” is marked done.`,
    verify: (t) => `“${t}” is verified.`,
    reopen: (t) => `“${t}” is reopened.`,
    abandon: (t) => `“${t}” is abandoned.`,
    reschedule: (t) => `The due date of “${t}” is moved.`,
  },
  kept: 'What you typed is kept: try again.',
  verifyWithAnswers: 'Verify with the residents’ answers in view:',
  refusals: {
    forbiddenOrganisation: 'This commitment belongs to another organisation: you may change only your own.',
    organisationCannotVerify: 'An organisation never verifies its own commitments: the coordination does, with the residents’ answers.',
    reasonRequired: 'Give a reason.',
    dueInPast: 'The due date cannot be in the past.',
    invalidTransition: 'This action is no longer possible: the commitment changed meanwhile. The list is up to date.',
    notFound: 'This commitment cannot be found.',
  },
  required: (field) => `${field}: this field is required.`,
  percentRange: 'Progress: a whole number from 0 to 100.',
  importTitle: 'Import a CSV file',
  importIntro:
    'Download the export, edit it in a spreadsheet (status, progress, due date), then import it: the file is first checked row by row, and nothing is applied while a row has a problem.',
  importColumns:
    'Columns read: id, status, progress, dueOn, organisationId, and two columns to add when needed: note and reason (why a due date moves). The others are ignored.',
  downloadExport: 'Download the export (CSV)',
  file: 'CSV file',
  fileHint: 'Separated by “;” or “,”.',
  check: 'Check the file',
  checking: 'Checking…',
  apply: 'Apply',
  applying: 'Applying…',
  noFile: 'Choose a CSV file.',
  unreadable: 'This file could not be read.',
  problemsTitle: (n) => (n === 1 ? '1 problem: nothing will be applied' : `${n} problems: nothing will be applied`),
  problemsCaption: 'The file’s problems, row by row',
  row: 'Row',
  column: 'Column',
  message: 'Problem',
  wholeRow: '(the whole row)',
  clean: (rows, changed, unchanged) => `No problem: ${rows} row(s), ${changed} to change, ${unchanged} unchanged. You may apply it.`,
  nothingToApply: 'Nothing to apply: every row already matches its commitment.',
  applied: (applied, changed, unchanged) =>
    `File applied: ${changed} commitment(s) updated (${applied} action(s)), ${unchanged} unchanged.`,
  fileChanged: 'The file changed: check it again.',
};
