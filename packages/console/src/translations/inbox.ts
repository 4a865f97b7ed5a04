// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-inbox>` (its room: only this screen uses them), French then English. */
export interface InboxTexts {
  readonly title: string;
  readonly intro: string;
  /** The walk's card link on the walks screen. */
  readonly walkLink: string;
  readonly walkTitle: (when: string) => string;
  readonly loading: string;
  readonly retry: string;
  readonly keysTitle: string;
  readonly keys: readonly (readonly [key: string, what: string])[];
  readonly filters: string;
  readonly quartier: string;
  readonly allQuartiers: string;
  readonly status: string;
  readonly theme: string;
  readonly source: string;
  readonly all: string;
  readonly sources: Readonly<Record<string, string>>;
  readonly counts: string;
  readonly countOf: (n: number, status: string) => string;
  readonly listTitle: string;
  readonly shown: (shown: number, total: number) => string;
  readonly none: string;
  readonly select: (what: string) => string;
  readonly selected: (n: number) => string;
  readonly clearSelection: string;
  readonly detailTitle: string;
  readonly chooseOne: string;
  readonly stop: string;
  readonly noStop: string;
  readonly where: string;
  readonly recordedAt: string;
  readonly organisation: string;
  readonly severity: string;
  readonly severities: Readonly<Record<string, string>>;
  readonly note: string;
  readonly noteHint: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly rejectReason: string;
  readonly duplicateOf: string;
  readonly photos: string;
  readonly photoAlt: (n: number) => string;
  readonly actions: string;
  readonly qualify: string;
  readonly duplicate: string;
  readonly reject: string;
  readonly resolve: string;
  readonly send: string;
  readonly cancel: string;
  readonly sending: string;
  readonly qualifyTitle: string;
  readonly duplicateTitle: string;
  readonly rejectTitle: string;
  readonly resolveTitle: string;
  readonly suggestions: string;
  readonly noSuggestion: string;
  readonly suggestionMeta: (sameStop: boolean, metres: number | undefined) => string;
  readonly sameTheme: string;
  readonly organisationRequired: string;
  readonly reasonRequired: string;
  readonly originalRequired: string;
  readonly notAllowed: string;
  readonly done: Readonly<Record<'qualify' | 'duplicate' | 'reject' | 'resolve', string>>;
  readonly bulkTitle: string;
  readonly bulkQualify: string;
  readonly bulkReject: string;
  readonly bulkResolve: string;
  readonly bulkDone: (applied: number, refused: number) => string;
  readonly refusedFor: (what: string, why: string) => string;
  readonly kept: string;
  readonly redact: string;
  readonly redactTitle: string;
  readonly redactHelp: string;
  readonly addRegion: string;
  readonly region: (n: number) => string;
  readonly regionLabel: (n: number, x: number, y: number, w: number, h: number) => string;
  readonly removeRegion: (n: number) => string;
  readonly x: string;
  readonly y: string;
  readonly width: string;
  readonly height: string;
  readonly pixels: (w: number, h: number) => string;
  readonly redactSend: string;
  readonly redactNone: string;
  readonly redacted: string;
}

export const inboxFr: InboxTexts = {
  title: 'Observations à traiter',
  intro: 'Les observations des diagnostics et des habitants, à qualifier, regrouper, écarter ou résoudre.',
  walkLink: 'Trier les observations',
  walkTitle: (when) => `Observations du diagnostic du ${when}`,
  loading: 'Chargement des observations…',
  retry: 'Réessayer',
  keysTitle: 'Raccourcis clavier',
  keys: [
    ['j / ↓', 'observation suivante'],
    ['k / ↑', 'observation précédente'],
    ['q', 'qualifier'],
    ['d', 'marquer comme doublon'],
    ['r', 'écarter'],
    ['s', 'marquer comme résolue'],
    ['x', 'sélectionner pour une action groupée (q, r ou s agissent alors sur la sélection)'],
    ['Échap', 'annuler l’action en cours'],
  ],
  filters: 'Filtrer',
  quartier: 'Quartier',
  allQuartiers: 'Tous les quartiers',
  status: 'Statut',
  theme: 'Thématique',
  source: 'Origine',
  all: 'Tous',
  sources: { walk: 'Diagnostic', resident: 'Habitant·e', agent: 'Agent' },
  counts: 'Nombre par statut',
  countOf: (n, status) => `${status} : ${n}`,
  listTitle: 'Observations',
  shown: (shown, total) => `${shown} affichée${shown > 1 ? 's' : ''} sur ${total}`,
  none: 'Aucune observation ne correspond à ces filtres.',
  select: (what) => `Sélectionner : ${what}`,
  selected: (n) => `${n} sélectionnée${n > 1 ? 's' : ''}`,
  clearSelection: 'Tout désélectionner',
  detailTitle: 'Observation',
  chooseOne: 'Choisissez une observation dans la liste.',
  stop: 'Halte',
  noStop: 'Hors halte',
  where: 'Lieu',
  recordedAt: 'Notée le',
  organisation: 'Organisation responsable',
  severity: 'Gravité',
  severities: { low: 'Faible', medium: 'Moyenne', high: 'Forte' },
  note: 'Réponse (publique)',
  noteHint: 'Pré-remplie avec le modèle de réponse de la ville ; modifiez-la si besoin.',
  reason: 'Motif (public)',
  reasonHint: 'Obligatoire. Pré-rempli avec le modèle de réponse de la ville ; complétez-le.',
  rejectReason: 'Motif',
  duplicateOf: 'Doublon de',
  photos: 'Photos',
  photoAlt: (n) => `Photo ${n} de l’observation`,
  actions: 'Actions',
  qualify: 'Qualifier',
  duplicate: 'Doublon',
  reject: 'Écarter',
  resolve: 'Résolue',
  send: 'Envoyer',
  cancel: 'Annuler',
  sending: 'Envoi…',
  qualifyTitle: 'Qualifier l’observation',
  duplicateTitle: 'Marquer comme doublon',
  rejectTitle: 'Écarter l’observation',
  resolveTitle: 'Marquer comme résolue',
  suggestions: 'Observations semblables (même halte ou à moins de 50 m)',
  noSuggestion: 'Aucune observation semblable : rien à regrouper.',
  suggestionMeta: (sameStop, metres) =>
    [sameStop ? 'même halte' : '', metres === undefined ? '' : `à ${metres} m`].filter(Boolean).join(' · '),
  sameTheme: 'même thématique',
  organisationRequired: 'Choisissez l’organisation responsable.',
  reasonRequired: 'Indiquez un motif.',
  originalRequired: 'Choisissez l’observation que celle-ci répète.',
  notAllowed: 'Cette action n’est pas possible pour une observation dans ce statut.',
  done: {
    qualify: 'Observation qualifiée.',
    duplicate: 'Observation marquée comme doublon.',
    reject: 'Observation écartée.',
    resolve: 'Observation marquée comme résolue.',
  },
  bulkTitle: 'Action groupée',
  bulkQualify: 'Qualifier la sélection',
  bulkReject: 'Écarter la sélection',
  bulkResolve: 'Résoudre la sélection',
  bulkDone: (applied, refused) =>
    `${applied} observation${applied > 1 ? 's' : ''} traitée${applied > 1 ? 's' : ''}${refused > 0 ? `, ${refused} refusée${refused > 1 ? 's' : ''}` : ''}.`,
  refusedFor: (what, why) => `${what} : ${why}`,
  kept: 'Votre saisie est conservée : réessayez quand le réseau revient (rien ne sera fait deux fois).',
  redact: 'Flouter un visage ou une plaque',
  redactTitle: 'Flouter des zones de la photo',
  redactHelp:
    'Dessinez une zone sur la photo à la souris ou au doigt, ou ajoutez-en une et réglez-la au clavier : flèches pour la déplacer, Maj + flèches pour la redimensionner, ou les champs en pixels. La photo d’origine est remplacée : elle ne pourra pas être récupérée.',
  addRegion: 'Ajouter une zone',
  region: (n) => `Zone ${n}`,
  regionLabel: (n, x, y, w, h) => `Zone ${n} : ${w} × ${h} pixels à ${x}, ${y}. Flèches : déplacer ; Maj + flèches : redimensionner.`,
  removeRegion: (n) => `Retirer la zone ${n}`,
  x: 'Gauche',
  y: 'Haut',
  width: 'Largeur',
  height: 'Hauteur',
  pixels: (w, h) => `Photo de ${w} × ${h} pixels.`,
  redactSend: 'Flouter et remplacer la photo',
  redactNone: 'Ajoutez au moins une zone à flouter.',
  redacted: 'Photo floutée : l’originale a été supprimée.',
};

export const inboxEn: InboxTexts = {
  title: 'Observations to triage',
  intro: 'Observations from walks and residents, to qualify, merge, set aside or resolve.',
  walkLink: 'Triage the observations',
  walkTitle: (when) => `Observations of the walk of ${when}`,
  loading: 'Loading the observations…',
  retry: 'Try again',
  keysTitle: 'Keyboard shortcuts',
  keys: [
    ['j / ↓', 'next observation'],
    ['k / ↑', 'previous observation'],
    ['q', 'qualify'],
    ['d', 'mark as a duplicate'],
    ['r', 'set aside'],
    ['s', 'mark as resolved'],
    ['x', 'select for a bulk action (q, r or s then act on the selection)'],
    ['Esc', 'cancel the action under way'],
  ],
  filters: 'Filter',
  quartier: 'Quartier',
  allQuartiers: 'All quartiers',
  status: 'Status',
  theme: 'Theme',
  source: 'Source',
  all: 'All',
  sources: { walk: 'Walk', resident: 'Resident', agent: 'Agent' },
  counts: 'Count by status',
  countOf: (n, status) => `${status}: ${n}`,
  listTitle: 'Observations',
  shown: (shown, total) => `${shown} shown of ${total}`,
  none: 'No observation matches these filters.',
  select: (what) => `Select: ${what}`,
  selected: (n) => `${n} selected`,
  clearSelection: 'Clear the selection',
  detailTitle: 'Observation',
  chooseOne: 'Choose an observation in the list.',
  stop: 'Stop',
  noStop: 'No stop',
  where: 'Place',
  recordedAt: 'Recorded on',
  organisation: 'Organisation in charge',
  severity: 'Severity',
  severities: { low: 'Low', medium: 'Medium', high: 'High' },
  note: 'Answer (public)',
  noteHint: 'Filled in with the city’s response template; edit it as needed.',
  reason: 'Reason (public)',
  reasonHint: 'Required. Filled in with the city’s response template; complete it.',
  rejectReason: 'Reason',
  duplicateOf: 'Duplicate of',
  photos: 'Photos',
  photoAlt: (n) => `Photo ${n} of the observation`,
  actions: 'Actions',
  qualify: 'Qualify',
  duplicate: 'Duplicate',
  reject: 'Set aside',
  resolve: 'Resolved',
  send: 'Send',
  cancel: 'Cancel',
  sending: 'Sending…',
  qualifyTitle: 'Qualify the observation',
  duplicateTitle: 'Mark as a duplicate',
  rejectTitle: 'Set the observation aside',
  resolveTitle: 'Mark as resolved',
  suggestions: 'Similar observations (same stop or within 50 m)',
  noSuggestion: 'No similar observation: nothing to merge.',
  suggestionMeta: (sameStop, metres) =>
    [sameStop ? 'same stop' : '', metres === undefined ? '' : `${metres} m away`].filter(Boolean).join(' · '),
  sameTheme: 'same theme',
  organisationRequired: 'Choose the organisation in charge.',
  reasonRequired: 'Give a reason.',
  originalRequired: 'Choose the observation this one repeats.',
  notAllowed: 'This action is not possible for an observation with this status.',
  done: {
    qualify: 'Observation qualified.',
    duplicate: 'Observation marked as a duplicate.',
    reject: 'Observation set aside.',
    resolve: 'Observation marked as resolved.',
  },
  bulkTitle: 'Bulk action',
  bulkQualify: 'Qualify the selection',
  bulkReject: 'Set the selection aside',
  bulkResolve: 'Resolve the selection',
  bulkDone: (applied, refused) => `${applied} observation${applied === 1 ? '' : 's'} done${refused > 0 ? `, ${refused} refused` : ''}.`,
  refusedFor: (what, why) => `${what}: ${why}`,
  kept: 'What you entered is kept: try again when the network is back (nothing will be done twice).',
  redact: 'Blur a face or a plate',
  redactTitle: 'Blur areas of the photo',
  redactHelp:
    'Draw an area on the photo with the mouse or a finger, or add one and set it with the keyboard: arrows move it, Shift + arrows resize it, or use the fields in pixels. The original photo is replaced: it cannot be recovered.',
  addRegion: 'Add an area',
  region: (n) => `Area ${n}`,
  regionLabel: (n, x, y, w, h) => `Area ${n}: ${w} × ${h} pixels at ${x}, ${y}. Arrows: move; Shift + arrows: resize.`,
  removeRegion: (n) => `Remove area ${n}`,
  x: 'Left',
  y: 'Top',
  width: 'Width',
  height: 'Height',
  pixels: (w, h) => `Photo of ${w} × ${h} pixels.`,
  redactSend: 'Blur and replace the photo',
  redactNone: 'Add at least one area to blur.',
  redacted: 'Photo blurred: the original was deleted.',
};
