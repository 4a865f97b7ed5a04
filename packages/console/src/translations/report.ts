// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-report>` (its room: only this screen uses them), French then English. */
export interface ReportTexts {
  readonly title: string;
  readonly titleOf: (walk: string) => string;
  readonly intro: string;
  /** The link on a finished walk's card (the walks screen). */
  readonly walkLink: string;
  readonly walkOf: (quartier: string) => string;
  readonly noWalkChosen: string;
  readonly notDone: string;
  readonly backToWalks: string;
  readonly statusLabel: string;
  readonly statuses: Readonly<Record<'draft' | 'validated' | 'shared', string>>;
  readonly reloadFailed: string;
  // The editor.
  readonly editorTitle: string;
  readonly editorHint: string;
  readonly introduction: string;
  readonly introductionHint: string;
  readonly stopsTitle: string;
  readonly stopHint: (positive: number, problem: number) => string;
  readonly positives: string;
  readonly positivesHint: (count: number) => string;
  readonly next: string;
  readonly nextHint: string;
  readonly photosTitle: string;
  readonly photosHint: string;
  readonly noPhotos: string;
  readonly save: string;
  readonly saving: string;
  readonly saved: string;
  readonly unsaved: string;
  readonly kept: string;
  readonly sendFailed: string;
  readonly retry: string;
  readonly frozen: string;
  // Engagements made in place.
  readonly engagementsTitle: string;
  readonly engagementsHint: string;
  readonly listed: (count: number) => string;
  readonly observationsLegend: string;
  readonly noObservations: string;
  readonly engagementTitle: string;
  readonly engagementTitleHint: string;
  readonly organisation: string;
  readonly noOrganisation: string;
  readonly createEngagement: string;
  readonly engagementCreated: (title: string) => string;
  readonly engagementTitleMissing: string;
  readonly problem: string;
  readonly positive: string;
  // Preview, validate, share.
  readonly previewTitle: string;
  readonly previewHint: string;
  readonly showPreview: string;
  readonly hidePreview: string;
  readonly openPreview: string;
  readonly previewFrame: string;
  readonly validate: string;
  readonly validated: string;
  readonly share: string;
  readonly shareConfirm: string;
  readonly shareConfirmText: string;
  readonly cancel: string;
  // Restitution.
  readonly restitutionTitle: string;
  readonly emailed: (n: number) => string;
  readonly organisations: (n: number, accounts: number, names: readonly string[]) => string;
  readonly withoutEmail: (n: number) => string;
  readonly withoutEmailLink: string;
  readonly publicLink: string;
  readonly restitutionHint: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

export const reportFr: ReportTexts = {
  title: 'Compte-rendu',
  titleOf: (walk) => `Compte-rendu : ${walk}`,
  walkLink: 'Compte-rendu',
  intro: 'Le compte-rendu du diagnostic : rédiger, prévisualiser, valider et restituer à tous les participants.',
  walkOf: (quartier) => `Diagnostic en marchant, ${quartier}`,
  noWalkChosen: 'Choisissez un diagnostic terminé dans la liste des diagnostics.',
  notDone: 'Le compte-rendu se rédige une fois le diagnostic terminé.',
  backToWalks: 'Retour aux diagnostics',
  statusLabel: 'État du compte-rendu',
  statuses: { draft: 'Brouillon', validated: 'Validé', shared: 'Restitué' },
  reloadFailed: 'Le compte-rendu n’a pas pu être rechargé.',
  editorTitle: 'Rédiger',
  editorHint: 'Chaque partie est facultative. Les comptages et les observations se mettent à jour seuls ; vos textes sont gardés.',
  introduction: 'Introduction',
  introductionHint: 'Quelques lignes pour présenter le diagnostic : qui était là, le temps qu’il faisait, l’ambiance.',
  stopsTitle: 'Halte par halte',
  stopHint: (positive, problem) =>
    `${plural(positive, 'point positif', 'points positifs')} et ${plural(problem, 'dysfonctionnement', 'dysfonctionnements')} notés à cette halte.`,
  positives: 'Les points positifs',
  positivesHint: (count) => `${plural(count, 'point positif noté', 'points positifs notés')} ; dites ce qui marche et qu’il faut garder.`,
  next: 'La suite',
  nextHint: 'Ce qui va se passer maintenant : les engagements, la prochaine permanence, la prochaine réunion.',
  photosTitle: 'Photos',
  photosHint: 'Cochez les photos à mettre dans le compte-rendu. Il est public : évitez les visages et les plaques.',
  noPhotos: 'Aucune photo n’a été prise pendant ce diagnostic.',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Compte-rendu enregistré.',
  unsaved: 'Modifications non enregistrées.',
  kept: 'Vos textes sont gardés sur cet appareil : réessayez quand le réseau revient.',
  sendFailed: 'L’enregistrement n’a pas abouti.',
  retry: 'Réessayer',
  frozen: 'Le compte-rendu est validé : il ne se modifie plus.',
  engagementsTitle: 'Engagements proposés',
  engagementsHint: 'Créez un engagement à partir des observations du diagnostic : il apparaît dans le compte-rendu.',
  listed: (count) =>
    count === 0 ? 'Aucun engagement pour l’instant.' : `${plural(count, 'engagement', 'engagements')} dans le compte-rendu.`,
  observationsLegend: 'Observations concernées',
  noObservations: 'Aucune observation pour ce diagnostic.',
  engagementTitle: 'Intitulé de l’engagement',
  engagementTitleHint: 'Par exemple : « Réparer l’éclairage du square ».',
  organisation: 'Organisation (facultatif)',
  noOrganisation: 'À désigner plus tard',
  createEngagement: 'Créer l’engagement',
  engagementCreated: (title) => `Engagement « ${title} » créé et ajouté au compte-rendu.`,
  engagementTitleMissing: 'Indiquez l’intitulé de l’engagement.',
  problem: 'Dysfonctionnement',
  positive: 'Point positif',
  previewTitle: 'Aperçu',
  previewHint: 'L’aperçu est la page exacte que recevront les participants, avec un bandeau « aperçu » en plus.',
  showPreview: 'Afficher l’aperçu',
  hidePreview: 'Masquer l’aperçu',
  openPreview: 'Ouvrir l’aperçu dans un nouvel onglet',
  previewFrame: 'Aperçu du compte-rendu',
  validate: 'Valider le compte-rendu',
  validated: 'Compte-rendu validé. Vous pouvez maintenant le restituer.',
  share: 'Restituer à tous',
  shareConfirm: 'Oui, restituer maintenant',
  shareConfirmText:
    'Le compte-rendu sera envoyé par e-mail aux participants et aux inscrits, aux organisations concernées, et publié. Cela ne peut pas être annulé.',
  cancel: 'Annuler',
  restitutionTitle: 'Restitution',
  emailed: (n) => `${plural(n, 'personne reçoit', 'personnes reçoivent')} le compte-rendu par e-mail.`,
  organisations: (n, accounts, names) =>
    `${plural(n, 'organisation concernée', 'organisations concernées')} (${plural(accounts, 'compte prévenu', 'comptes prévenus')})${names.length ? ` : ${names.join(', ')}` : ''}.`,
  withoutEmail: (n) => `${plural(n, 'personne', 'personnes')} sans e-mail, à joindre autrement.`,
  withoutEmailLink: 'Liste à imprimer des personnes sans e-mail',
  publicLink: 'Page publique du compte-rendu',
  restitutionHint: 'Les e-mails partent dans les minutes qui suivent, même si le serveur de messagerie est momentanément indisponible.',
};

const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const reportEn: ReportTexts = {
  title: 'Report',
  titleOf: (walk) => `Report: ${walk}`,
  walkLink: 'Report',
  intro: 'The walk’s report: write, preview, validate and give it back to every participant.',
  walkOf: (quartier) => `Neighbourhood walk, ${quartier}`,
  noWalkChosen: 'Choose a finished walk in the list of walks.',
  notDone: 'The report is written once the walk is over.',
  backToWalks: 'Back to the walks',
  statusLabel: 'Report status',
  statuses: { draft: 'Draft', validated: 'Validated', shared: 'Shared' },
  reloadFailed: 'The report could not be reloaded.',
  editorTitle: 'Write',
  editorHint: 'Every part is optional. Counts and observations update by themselves; your texts are kept.',
  introduction: 'Introduction',
  introductionHint: 'A few lines to introduce the walk: who came, the weather, the mood.',
  stopsTitle: 'Stop by stop',
  stopHint: (positive, problem) =>
    `${pluralEn(positive, 'positive point', 'positive points')} and ${pluralEn(problem, 'problem', 'problems')} noted at this stop.`,
  positives: 'The positive points',
  positivesHint: (count) => `${pluralEn(count, 'positive point noted', 'positive points noted')}; say what works and should be kept.`,
  next: 'What comes next',
  nextHint: 'What happens now: the commitments, the next drop-in session, the next meeting.',
  photosTitle: 'Photos',
  photosHint: 'Tick the photos to put in the report. It is public: avoid faces and number plates.',
  noPhotos: 'No photo was taken during this walk.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Report saved.',
  unsaved: 'Unsaved changes.',
  kept: 'Your texts are kept on this device: try again when the network is back.',
  sendFailed: 'Saving did not go through.',
  retry: 'Try again',
  frozen: 'The report is validated: it can no longer be changed.',
  engagementsTitle: 'Proposed commitments',
  engagementsHint: 'Create a commitment from the walk’s observations: it appears in the report.',
  listed: (count) => (count === 0 ? 'No commitment yet.' : `${pluralEn(count, 'commitment', 'commitments')} in the report.`),
  observationsLegend: 'Observations concerned',
  noObservations: 'No observation for this walk.',
  engagementTitle: 'Commitment title',
  engagementTitleHint: 'For example: “Repair the lighting of the square”.',
  organisation: 'Organisation (optional)',
  noOrganisation: 'To be chosen later',
  createEngagement: 'Create the commitment',
  engagementCreated: (title) => `Commitment “${title}” created and added to the report.`,
  engagementTitleMissing: 'Give the commitment a title.',
  problem: 'Problem',
  positive: 'Positive point',
  previewTitle: 'Preview',
  previewHint: 'The preview is the very page participants will get, with a “preview” banner on top.',
  showPreview: 'Show the preview',
  hidePreview: 'Hide the preview',
  openPreview: 'Open the preview in a new tab',
  previewFrame: 'Preview of the report',
  validate: 'Validate the report',
  validated: 'Report validated. You can now share it.',
  share: 'Share with everyone',
  shareConfirm: 'Yes, share it now',
  shareConfirmText:
    'The report will be emailed to participants and registrants and to the organisations concerned, and published. This cannot be undone.',
  cancel: 'Cancel',
  restitutionTitle: 'Restitution',
  emailed: (n) => `${pluralEn(n, 'person gets', 'people get')} the report by email.`,
  organisations: (n, accounts, names) =>
    `${pluralEn(n, 'organisation concerned', 'organisations concerned')} (${pluralEn(accounts, 'account told', 'accounts told')})${names.length ? `: ${names.join(', ')}` : ''}.`,
  withoutEmail: (n) => `${pluralEn(n, 'person', 'people')} without email, to reach another way.`,
  withoutEmailLink: 'Printable list of the people without email',
  publicLink: 'Public page of the report',
  restitutionHint: 'The emails leave within minutes, even if the mail server is briefly down.',
};
