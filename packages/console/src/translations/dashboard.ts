// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-dashboard>` (its room: only this screen uses them), French then English. */

/** The dashboard's charts, by their `data-chart` hook. */
export type DashboardChart = 'coverage' | 'themes' | 'stops' | 'status' | 'organisations' | 'delays' | 'overdue';

export interface DashboardTexts {
  readonly title: string;
  readonly intro: string;
  // Filters and printing.
  readonly filters: string;
  readonly year: string;
  readonly quartier: string;
  readonly allQuartiers: string;
  readonly organisation: string;
  readonly allOrganisations: string;
  readonly walk: string;
  readonly allWalks: string;
  readonly print: string;
  /** The heading printed above the charts: what was chosen and when it was printed. */
  readonly printedFilters: (year: number, quartier: string, organisation: string, date: string) => string;
  readonly loading: string;
  readonly retry: string;
  // What each part is, and its CSV file's name (without the filters, added after it).
  readonly titles: Readonly<Record<DashboardChart, string>>;
  readonly files: Readonly<Record<DashboardChart, string>>;
  readonly download: (title: string) => string;
  readonly tableOf: (title: string) => string;
  // Coverage.
  readonly coverageTitle: string;
  readonly coverageIntro: string;
  readonly coverageGist: (covered: number, total: number, year: number, missing: readonly string[]) => string;
  readonly walksOfYear: string;
  readonly covered: string;
  readonly yes: string;
  readonly notYet: string;
  readonly walksCount: (n: number) => string;
  // Observations.
  readonly observationsTitle: string;
  readonly observationsIntro: (year: number) => string;
  readonly theme: string;
  readonly positive: string;
  readonly problem: string;
  readonly total: string;
  readonly positiveCount: (n: number) => string;
  readonly problemCount: (n: number) => string;
  readonly engagementCount: (n: number) => string;
  readonly overdueCount: (n: number) => string;
  readonly themesGist: (total: number, positive: number, problem: number, top: string | undefined) => string;
  readonly noObservations: string;
  readonly stop: string;
  readonly positiveShare: string;
  readonly stopsIntro: string;
  readonly stopsGist: (stops: number, best: string | undefined, worst: string | undefined) => string;
  readonly noStops: string;
  // The observations on the map (list first).
  readonly mapTitle: string;
  readonly mapIntro: string;
  /** The map's name after « Carte : ». */
  readonly mapLabel: (year: number) => string;
  readonly placedCount: (n: number) => string;
  readonly noPlaced: string;
  readonly placedPoint: string;
  readonly number: string;
  readonly kind: string;
  readonly where: string;
  readonly positiveOne: string;
  readonly problemOne: string;
  readonly onMap: string;
  /** Which observation « Voir sur la carte » shows, for a screen reader. */
  readonly showOnMap: (n: number) => string;
  readonly otherStop: (id: string) => string;
  readonly walkOf: (date: string) => string;
  // Engagements.
  readonly engagementsTitle: string;
  readonly engagementsIntro: string;
  readonly status: string;
  readonly count: string;
  readonly statusGist: (total: number, parts: string) => string;
  readonly noEngagements: string;
  readonly overdue: string;
  readonly organisationsGist: (organisations: number, most: string | undefined) => string;
  readonly withoutOrganisation: string;
  readonly figure: string;
  readonly value: string;
  readonly engagementsTotal: string;
  readonly dueSoon: string;
  readonly onTimeRate: string;
  readonly averageDelay: string;
  readonly averageDelayInDays: string;
  readonly organisationName: string;
  readonly onTime: string;
  readonly late: string;
  readonly delaysGist: (rate: string | undefined, delay: string | undefined) => string;
  readonly noneCompleted: string;
  readonly days: (n: number) => string;
  readonly overdueIntro: string;
  readonly engagement: string;
  readonly dueOn: string;
  readonly progress: string;
  readonly noOverdue: string;
  readonly moreOverdue: (shown: number, all: number) => string;
  readonly openEngagements: string;
}

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const pluralEn = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const dashboardFr: DashboardTexts = {
  title: 'Tableau de bord',
  intro: 'La couverture des quartiers prioritaires, les observations et les engagements, pour le comité de pilotage.',
  filters: 'Filtres du tableau de bord',
  year: 'Année',
  quartier: 'Quartier',
  allQuartiers: 'Tous les quartiers',
  organisation: 'Organisation (engagements)',
  allOrganisations: 'Toutes les organisations',
  walk: 'Diagnostic (haltes)',
  allWalks: 'Tous les diagnostics',
  print: 'Imprimer',
  printedFilters: (year, quartier, organisation, date) => `Année ${year} · ${quartier} · ${organisation} · imprimé le ${date}`,
  loading: 'Chargement du tableau de bord…',
  retry: 'Réessayer',
  titles: {
    coverage: 'Diagnostics de l’année par quartier prioritaire',
    themes: 'Observations par thème',
    stops: 'Observations par halte',
    status: 'Engagements par statut',
    organisations: 'Engagements par organisation',
    delays: 'Délais des engagements',
    overdue: 'Engagements en retard',
  },
  files: {
    coverage: 'couverture-quartiers-prioritaires',
    themes: 'observations-par-theme',
    stops: 'observations-par-halte',
    status: 'engagements-par-statut',
    organisations: 'engagements-par-organisation',
    delays: 'delais-engagements',
    overdue: 'engagements-en-retard',
  },
  download: (title) => `Télécharger « ${title} » (CSV)`,
  tableOf: (title) => `Tableau : ${title}`,
  coverageTitle: 'Couverture des quartiers prioritaires',
  coverageIntro:
    'La règle de la ville : chaque quartier prioritaire a au moins un diagnostic en marchant par année civile (les diagnostics prévus comptent, pas les annulés). Tous les quartiers prioritaires, quel que soit le quartier choisi.',
  coverageGist: (covered, total, year, missing) =>
    `${covered} quartier${plural(covered, '', 's')} prioritaire${plural(covered, '', 's')} sur ${total} ${plural(covered, 'a', 'ont')} un diagnostic en ${year}` +
    (missing.length === 0 ? ' : tous sont couverts.' : ` ; pas encore : ${missing.join(', ')}.`),
  walksOfYear: 'Diagnostics de l’année',
  covered: 'Couvert',
  yes: 'Oui',
  notYet: 'Pas encore',
  walksCount: (n) => (n === 0 ? 'pas encore de diagnostic' : `${n} diagnostic${plural(n, '', 's')}`),
  observationsTitle: 'Observations',
  observationsIntro: (year) => `Les points positifs et les problèmes notés en ${year}, sans les doublons ni les observations rejetées.`,
  theme: 'Thème',
  positive: 'Points positifs',
  problem: 'Problèmes',
  total: 'Total',
  positiveCount: (n) => `${n} positif${plural(n, '', 's')}`,
  problemCount: (n) => `${n} problème${plural(n, '', 's')}`,
  engagementCount: (n) => `${n} engagement${plural(n, '', 's')}`,
  overdueCount: (n) => `${n} en retard`,
  themesGist: (total, positive, problem, top) =>
    total === 0
      ? 'Aucune observation.'
      : `${total} observation${plural(total, '', 's')} : ${positive} point${plural(positive, '', 's')} positif${plural(positive, '', 's')}, ${problem} problème${plural(problem, '', 's')}${top ? ` ; le plus de problèmes : ${top}` : ''}.`,
  noObservations: 'Aucune observation pour ces filtres.',
  stop: 'Halte',
  positiveShare: 'Part de positifs',
  stopsIntro: 'Pour chaque halte, la part des points positifs parmi ce qui y a été noté.',
  stopsGist: (stops, best, worst) =>
    `${stops} halte${plural(stops, '', 's')}` +
    (best ? ` ; la plus positive : ${best}` : '') +
    (worst ? ` ; le plus de problèmes : ${worst}` : '') +
    '.',
  noStops: 'Aucune observation notée à une halte pour ces filtres.',
  mapTitle: 'Les observations sur la carte',
  mapIntro:
    'La liste des observations placées (par un point, ou à leur halte), puis la carte : un point positif est un rond marqué « + », un problème un triangle marqué « ! ».',
  mapLabel: (year) => `observations de ${year}`,
  placedCount: (n) => `${n} observation${plural(n, '', 's')} placée${plural(n, '', 's')}.`,
  noPlaced: 'Aucune observation placée sur une carte pour ces filtres.',
  placedPoint: 'Point placé sur la carte',
  number: 'N°',
  kind: 'Nature',
  where: 'Lieu',
  positiveOne: 'Point positif',
  problemOne: 'Problème',
  onMap: 'Voir sur la carte',
  showOnMap: (n) => `observation ${n}`,
  otherStop: (id) => `Halte ${id}`,
  walkOf: (date) => `Diagnostic du ${date}`,
  engagementsTitle: 'Engagements',
  engagementsIntro:
    'Ce que les partenaires se sont engagés à faire après les diagnostics, de toutes les années : le quartier et l’organisation choisis s’appliquent, pas l’année.',
  status: 'Statut',
  count: 'Nombre',
  statusGist: (total, parts) => (total === 0 ? 'Aucun engagement.' : `${total} engagement${plural(total, '', 's')} : ${parts}.`),
  noEngagements: 'Aucun engagement pour ces filtres.',
  overdue: 'En retard',
  organisationsGist: (organisations, most) =>
    `${organisations} organisation${plural(organisations, '', 's')}${most ? ` ; le plus d’engagements : ${most}` : ''}.`,
  withoutOrganisation: 'Sans organisation',
  figure: 'Indicateur',
  value: 'Valeur',
  engagementsTotal: 'Engagements',
  dueSoon: 'Échéance proche',
  onTimeRate: 'Réalisés dans les délais',
  averageDelay: 'Retard moyen des engagements réalisés en retard',
  averageDelayInDays: 'Retard moyen des engagements réalisés en retard (jours)',
  organisationName: 'Organisation',
  onTime: 'Dans les délais',
  late: 'Réalisés en retard',
  delaysGist: (rate, delay) =>
    rate === undefined
      ? 'Aucun engagement réalisé avec une échéance : pas encore de délai à mesurer.'
      : `${rate} des engagements réalisés l’ont été dans les délais ; retard moyen : ${delay}.`,
  noneCompleted: 'Pas encore mesuré',
  days: (n) => `${n} jour${plural(n, '', 's')}`,
  overdueIntro: 'Les engagements dont l’échéance est passée et qui ne sont ni réalisés ni abandonnés, les plus en retard d’abord.',
  engagement: 'Engagement',
  dueOn: 'Échéance',
  progress: 'Avancement',
  noOverdue: 'Aucun engagement en retard.',
  moreOverdue: (shown, all) => `Les ${shown} plus en retard sont listés ici, sur ${all}.`,
  openEngagements: 'Suivre les engagements',
};

export const dashboardEn: DashboardTexts = {
  title: 'Dashboard',
  intro: 'Coverage of priority quartiers, observations and commitments, for the steering committee.',
  filters: 'Dashboard filters',
  year: 'Year',
  quartier: 'Quartier',
  allQuartiers: 'All quartiers',
  organisation: 'Organisation (commitments)',
  allOrganisations: 'All organisations',
  walk: 'Walk (stops)',
  allWalks: 'All walks',
  print: 'Print',
  printedFilters: (year, quartier, organisation, date) => `Year ${year} · ${quartier} · ${organisation} · printed on ${date}`,
  loading: 'Loading the dashboard…',
  retry: 'Try again',
  titles: {
    coverage: 'Walks this year by priority quartier',
    themes: 'Observations by theme',
    stops: 'Observations by stop',
    status: 'Commitments by status',
    organisations: 'Commitments by organisation',
    delays: 'Commitment delays',
    overdue: 'Overdue commitments',
  },
  files: {
    coverage: 'priority-quartier-coverage',
    themes: 'observations-by-theme',
    stops: 'observations-by-stop',
    status: 'commitments-by-status',
    organisations: 'commitments-by-organisation',
    delays: 'commitment-delays',
    overdue: 'overdue-commitments',
  },
  download: (title) => `Download “${title}” (CSV)`,
  tableOf: (title) => `Table: ${title}`,
  coverageTitle: 'Coverage of priority quartiers',
  coverageIntro:
    'The city rule: every priority quartier has at least one walk per calendar year (planned walks count, cancelled ones do not). All priority quartiers, whichever quartier is chosen.',
  coverageGist: (covered, total, year, missing) =>
    `${covered} of ${total} priority quartiers ${pluralEn(covered, 'has', 'have')} a walk in ${year}` +
    (missing.length === 0 ? ': all are covered.' : `; not yet: ${missing.join(', ')}.`),
  walksOfYear: 'Walks this year',
  covered: 'Covered',
  yes: 'Yes',
  notYet: 'Not yet',
  walksCount: (n) => (n === 0 ? 'no walk yet' : `${n} walk${pluralEn(n, '', 's')}`),
  observationsTitle: 'Observations',
  observationsIntro: (year) => `The positive points and problems noted in ${year}, without duplicates or rejected observations.`,
  theme: 'Theme',
  positive: 'Positive points',
  problem: 'Problems',
  total: 'Total',
  positiveCount: (n) => `${n} positive`,
  problemCount: (n) => `${n} problem${pluralEn(n, '', 's')}`,
  engagementCount: (n) => `${n} commitment${pluralEn(n, '', 's')}`,
  overdueCount: (n) => `${n} overdue`,
  themesGist: (total, positive, problem, top) =>
    total === 0
      ? 'No observation.'
      : `${total} observation${pluralEn(total, '', 's')}: ${positive} positive point${pluralEn(positive, '', 's')}, ${problem} problem${pluralEn(problem, '', 's')}${top ? `; most problems: ${top}` : ''}.`,
  noObservations: 'No observation for these filters.',
  stop: 'Stop',
  positiveShare: 'Positive share',
  stopsIntro: 'For each stop, the share of positive points among what was noted there.',
  stopsGist: (stops, best, worst) =>
    `${stops} stop${pluralEn(stops, '', 's')}` +
    (best ? `; most positive: ${best}` : '') +
    (worst ? `; most problems: ${worst}` : '') +
    '.',
  noStops: 'No observation noted at a stop for these filters.',
  mapTitle: 'Observations on the map',
  mapIntro:
    'The list of the observations that have a place (a point, or their stop), then the map: a positive point is a disc marked “+”, a problem a triangle marked “!”.',
  mapLabel: (year) => `observations of ${year}`,
  placedCount: (n) => `${n} observation${n === 1 ? '' : 's'} placed.`,
  noPlaced: 'No observation placed on a map for these filters.',
  placedPoint: 'Point placed on the map',
  number: 'No.',
  kind: 'Kind',
  where: 'Place',
  positiveOne: 'Positive point',
  problemOne: 'Problem',
  onMap: 'Show on the map',
  showOnMap: (n) => `observation ${n}`,
  otherStop: (id) => `Stop ${id}`,
  walkOf: (date) => `Walk of ${date}`,
  engagementsTitle: 'Commitments',
  engagementsIntro:
    'What partners committed to after the walks, of every year: the chosen quartier and organisation apply, the year does not.',
  status: 'Status',
  count: 'Number',
  statusGist: (total, parts) => (total === 0 ? 'No commitment.' : `${total} commitment${pluralEn(total, '', 's')}: ${parts}.`),
  noEngagements: 'No commitment for these filters.',
  overdue: 'Overdue',
  organisationsGist: (organisations, most) =>
    `${organisations} organisation${pluralEn(organisations, '', 's')}${most ? `; most commitments: ${most}` : ''}.`,
  withoutOrganisation: 'No organisation',
  figure: 'Figure',
  value: 'Value',
  engagementsTotal: 'Commitments',
  dueSoon: 'Due soon',
  onTimeRate: 'Completed on time',
  averageDelay: 'Average delay of those completed late',
  averageDelayInDays: 'Average delay of those completed late (days)',
  organisationName: 'Organisation',
  onTime: 'On time',
  late: 'Completed late',
  delaysGist: (rate, delay) =>
    rate === undefined
      ? 'No commitment completed with a due date: no delay to measure yet.'
      : `${rate} of completed commitments were on time; average delay: ${delay}.`,
  noneCompleted: 'Not measured yet',
  days: (n) => `${n} day${pluralEn(n, '', 's')}`,
  overdueIntro: 'Commitments past their due date and neither done nor abandoned, the latest first.',
  engagement: 'Commitment',
  dueOn: 'Due',
  progress: 'Progress',
  noOverdue: 'No overdue commitment.',
  moreOverdue: (shown, all) => `The ${shown} latest are listed here, of ${all}.`,
  openEngagements: 'Follow the commitments',
};
