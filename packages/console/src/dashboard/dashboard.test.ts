// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-dashboard>` against the REAL server (test/real.ts): a walk of two stops, its
 * observations and an engagement made through the API, then every table's figures compared with
 * what the endpoints answer, each CSV parsed back, the charts' names, the filters, axe, the
 * keyboard, 320 px, English and printing. The overdue list, which the real server's rules cannot
 * produce today (a due day is never in the past when accepted), is shown from the core's own
 * `engagementDashboard` at a later day.
 */
import {
  engagementDashboard,
  parseCSV,
  valence,
  type Engagement,
  type EngagementDashboard,
  type ObservationStats,
  type Walk,
} from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../define/dashboard.js';
import { clean, shadow } from '../../test/helpers.js';
import { api, failNext, REAL, signInAs, walkIn } from '../../test/real.js';
import type { CoverageAnswer, DashboardData, EngagementDashboardAnswer, GuspConsoleDashboard } from './dashboard.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;

/** A table's body as `{ rowId: { col: data-value } }` (the first column's words under `name`). */
function tableOf(el: Element, chart: string): Record<string, Record<string, string>> {
  const rows: Record<string, Record<string, string>> = {};
  for (const tr of $$(el, `table[data-table="${chart}"] tbody tr`)) {
    const cells: Record<string, string> = { name: clean(tr.querySelector('th')?.textContent) };
    for (const td of tr.querySelectorAll<HTMLElement>('td')) cells[td.dataset.col!] = td.dataset.value!;
    rows[tr.dataset.row!] = cells;
  }
  return rows;
}

/** The chart's CSV, fetched from its download link and parsed back with the core's parser. */
async function csvOf(el: Element, chart: string): Promise<{ name: string; rows: string[][] }> {
  const a = $<HTMLAnchorElement>(el, `a[data-csv="${chart}"]`)!;
  const text = await (await fetch(a.href)).text();
  const parsed = parseCSV(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { name: a.download, rows: parsed.value };
}

/** The accessible name of a chart's SVG: the text of what its `aria-labelledby` names. */
function svgName(el: Element, chart: string): string {
  const img = $(el, `figure[data-chart="${chart}"] svg[role="img"]`)!;
  return (img.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => clean(shadow(el).getElementById(id)?.textContent))
    .join(' ');
}

async function dashboard(o: { year: number; quartier?: string; organisation?: string; lang?: string; role?: string }) {
  const el = await fixture<GuspConsoleDashboard>(
    html`<gusp-console-dashboard
      endpoint=${REAL}
      year=${o.year}
      quartier=${o.quartier ?? nothing}
      organisation=${o.organisation ?? nothing}
      lang=${o.lang ?? 'fr'}
      staff-role=${o.role ?? nothing}
    ></gusp-console-dashboard>`,
  );
  await el.loaded;
  return el;
}

const choose = async (el: GuspConsoleDashboard, id: string, value: string) => {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.loaded;
};

const QUARTIER = 'fontbarlettes';
let walkId: string;
let walk: Walk;
let year: number;

before(async function () {
  this.timeout(120_000);
  await signInAs('coordinator');
  walkId = await walkIn('in-progress', { quartierId: QUARTIER, stops: 2, title: 'Tableau de bord — essai' });
  ({ walk } = await api<{ walk: Walk }>('GET', `/walks/${walkId}`));
  year = Number(walk.startsAt.slice(0, 4));
  const [s1, s2] = walk.stops;
  const note = (stopId: string, polarity: 'positive' | 'problem', themeId: string, description: string) =>
    api('POST', '/observations', { walkId, stopId, polarity, themeId, description, address: 'Rue Fontbarlettes', source: 'walk' });
  await note(s1!.id, 'positive', 'espaces-verts', 'Pelouse tondue');
  await note(s1!.id, 'positive', 'espaces-verts', 'Massifs fleuris');
  await note(s1!.id, 'problem', 'nettoyage', 'Dépôt sauvage');
  await note(s2!.id, 'problem', 'eclairage-public', 'Lampadaire éteint');
  // An engagement of an organisation the seed gives none, done before its due day.
  const e = await api<{ id: string }>('POST', '/engagements', {
    title: 'Réparer le lampadaire',
    quartierId: QUARTIER,
    themeId: 'eclairage-public',
    organisationId: 'compagnons-batisseurs',
    walkId,
  });
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await api('POST', `/engagements/${e.id}/accept`, { organisationId: 'compagnons-batisseurs', dueOn: due });
  await api('POST', `/engagements/${e.id}/start`, {});
  await api('POST', `/engagements/${e.id}/complete`, { note: 'Ampoule changée.' });
});

afterEach(async () => {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

describe('<gusp-console-dashboard> on the real server', () => {
  it('shows the endpoints’ own figures in every table, and the same in every CSV', async () => {
    const el = await dashboard({ year, quartier: QUARTIER });
    const coverage = await api<CoverageAnswer>('GET', `/quartiers/coverage?year=${year}`);
    const stats = await api<ObservationStats>('GET', `/observations/stats?year=${year}&quartier=${QUARTIER}`);
    const board = await api<EngagementDashboardAnswer>('GET', `/engagements/dashboard?quartier=${QUARTIER}`);

    // Coverage: every priority quartier, this walk's quartier covered.
    const cov = tableOf(el, 'coverage');
    expect(Object.keys(cov)).to.deep.equal(coverage.quartiers.map((q) => q.quartierId));
    for (const q of coverage.quartiers) {
      expect(cov[q.quartierId]!.walks).to.equal(String(q.walks));
      expect(cov[q.quartierId]!.covered).to.equal(q.covered ? 'Oui' : 'Pas encore');
    }
    expect(cov[QUARTIER]!.covered).to.equal('Oui');
    expect(svgName(el, 'coverage')).to.contain(`sur ${coverage.quartiers.length}`).and.contain(String(year));

    // Observations by theme × polarity: this walk's four at least.
    const themes = tableOf(el, 'themes');
    expect(Object.keys(themes)).to.deep.equal(stats.byThemeAndPolarity.map((r) => r.themeId));
    for (const r of stats.byThemeAndPolarity) {
      expect([themes[r.themeId]!.positive, themes[r.themeId]!.problem]).to.deep.equal([String(r.positive), String(r.problem)]);
      expect(themes[r.themeId]!.total).to.equal(String(r.positive + r.problem));
    }
    expect(Number(themes['espaces-verts']!.positive)).to.be.at.least(2);
    expect(themes['espaces-verts']!.name).to.equal('Entretien des espaces verts');
    expect(svgName(el, 'themes')).to.contain(`${stats.total} observations`);

    // Per stop: this walk's two stops, with their share of positive points.
    const stops = tableOf(el, 'stops');
    const [s1, s2] = walk.stops;
    expect(stops[`${walkId}/${s1!.id}`]).to.deep.include({ positive: '2', problem: '1', positiveShare: '66.7' });
    expect(stops[`${walkId}/${s2!.id}`]).to.deep.include({ positive: '0', problem: '1', positiveShare: '0' });
    expect(stops[`${walkId}/${s1!.id}`]!.name).to.equal('Tableau de bord — essai — Halte 1');
    for (const r of stats.byStop) expect(stops[`${r.walkId}/${r.stopId}`]!.positive).to.equal(String(r.positive));

    // Engagements: by status, by organisation, delays.
    const status = tableOf(el, 'status');
    for (const [s, n] of Object.entries(board.byStatus)) expect(status[s]!.count).to.equal(String(n));
    const orgs = tableOf(el, 'organisations');
    expect(Object.keys(orgs)).to.deep.equal(Object.keys(board.byOrganisation));
    expect(orgs['compagnons-batisseurs']).to.deep.include({ name: 'Compagnons bâtisseurs', total: '1', overdue: '0', done: '1' });
    const delays = tableOf(el, 'delays');
    expect(delays.total!.value).to.equal(String(board.total));
    expect(delays.overdue!.value).to.equal(String(board.overdue));
    expect(delays.dueSoon!.value).to.equal(String(board.dueSoon));
    expect(delays.onTimeRate!.value).to.equal(String(Math.round(board.onTimeRate! * 1000) / 10));
    expect(delays.averageDelayDays!.value).to.equal(String(board.averageDelayDays));
    expect(Object.keys(tableOf(el, 'overdue'))).to.deep.equal(board.overdueList.map((e) => e.id));

    // Each CSV holds its table: the header, then the rows' values, named after the chart and filters.
    const themesCsv = await csvOf(el, 'themes');
    expect(themesCsv.name).to.equal(`observations-par-theme-${year}-${QUARTIER}.csv`);
    expect(themesCsv.rows[0]).to.deep.equal(['Thème', 'Points positifs', 'Problèmes', 'Total']);
    expect(themesCsv.rows.slice(1)).to.deep.equal(
      stats.byThemeAndPolarity.map((r) => [
        valence.themes.find((t) => t.id === r.themeId)!.name,
        String(r.positive),
        String(r.problem),
        String(r.positive + r.problem),
      ]),
    );
    const coverageCsv = await csvOf(el, 'coverage');
    expect(coverageCsv.name).to.equal(`couverture-quartiers-prioritaires-${year}.csv`);
    expect(coverageCsv.rows.slice(1).map((r) => r[1])).to.deep.equal(coverage.quartiers.map((q) => String(q.walks)));
    const delaysCsv = await csvOf(el, 'delays');
    expect(delaysCsv.rows.find((r) => r[0]!.startsWith('Réalisés'))?.[1]).to.equal(delays.onTimeRate!.value);
    const statusCsv = await csvOf(el, 'status');
    expect(statusCsv.rows.slice(1).map((r) => r[1])).to.deep.equal(Object.values(board.byStatus).map(String));
    await expect(el).to.be.accessible();
  });

  it('changes its figures with the filters: organisation, walk, quartier', async () => {
    const el = await dashboard({ year, quartier: QUARTIER });
    await choose(el, 'organisation', 'compagnons-batisseurs');
    const board = await api<EngagementDashboardAnswer>(
      'GET',
      `/engagements/dashboard?quartier=${QUARTIER}&organisation=compagnons-batisseurs`,
    );
    expect(board.total).to.equal(1);
    expect(tableOf(el, 'delays').total!.value).to.equal('1');
    expect(tableOf(el, 'status').done!.count).to.equal('1');
    expect(tableOf(el, 'delays').onTimeRate!.value).to.equal('100');
    expect(svgName(el, 'status')).to.equal('1 engagement : 1 réalisé.');
    expect((await csvOf(el, 'status')).name).to.equal(`engagements-par-statut-${QUARTIER}-compagnons-batisseurs.csv`);

    await choose(el, 'walk', walkId);
    expect(Object.keys(tableOf(el, 'stops'))).to.have.length(2);
    expect(tableOf(el, 'stops')[`${walkId}/${walk.stops[0]!.id}`]!.name).to.equal('Halte 1');

    await choose(el, 'quartier', 'le-plan');
    const stats = await api<ObservationStats>('GET', `/observations/stats?year=${year}&quartier=le-plan`);
    const themes = tableOf(el, 'themes');
    expect(Object.keys(themes)).to.deep.equal(stats.byThemeAndPolarity.map((r) => r.themeId));
    expect(Object.keys(tableOf(el, 'stops')).some((k) => k.startsWith(`${walkId}/`))).to.equal(false);
    expect(el.walk).to.equal(undefined);
    const lePlan = await api<EngagementDashboardAnswer>(
      'GET',
      '/engagements/dashboard?quartier=le-plan&organisation=compagnons-batisseurs',
    );
    expect(tableOf(el, 'delays').total!.value).to.equal(String(lePlan.total));
  });

  it('is used with the keyboard alone, and fits 320 px: the tables scroll in their own box', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await dashboard({ year, quartier: QUARTIER });
    for (let i = 0; i < 10 && focused(el) !== 'walk'; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('walk');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.walk).to.not.equal(undefined);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('print');
    // Then the first chart's table box when it scrolls (a named region), and its CSV link.
    await sendKeys({ press: 'Tab' });
    const active = () => shadow(el).activeElement as HTMLElement;
    if (active().classList.contains('table-box')) {
      expect(active().getAttribute('role')).to.equal('region');
      expect(active().getAttribute('aria-label')).to.equal('Tableau : Diagnostics de l’année par quartier prioritaire');
      await sendKeys({ press: 'Tab' });
    }
    expect(active().dataset.csv).to.equal('coverage');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    // The widest table scrolls in its own box, which the keyboard reaches and scrolls.
    const box = $(el, 'figure[data-chart="organisations"] .table-box')!;
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
    expect([box.tabIndex, box.getAttribute('role')]).to.deep.equal([0, 'region']);
    box.focus();
    await sendKeys({ press: 'ArrowRight' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(box.scrollLeft).to.be.greaterThan(0);
    // At 800 px, the status table fits: its box stays out of the tab order.
    await setViewport({ width: 800, height: 600 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect($(el, 'figure[data-chart="status"] .table-box')!.hasAttribute('tabindex')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await dashboard({ year, quartier: QUARTIER, lang: 'en' });
    expect(clean($(el, 'h2')?.textContent)).to.equal('Dashboard');
    expect(clean($(el, 'figure[data-chart="themes"] figcaption')?.textContent)).to.equal('Observations by theme');
    expect(tableOf(el, 'themes')['espaces-verts']!.name).to.equal('Upkeep of green spaces');
    expect(tableOf(el, 'status').done!.name).to.equal('Done');
    const csv = await csvOf(el, 'themes');
    expect(csv.name).to.equal(`observations-by-theme-${year}-${QUARTIER}.csv`);
    expect(csv.rows[0]).to.deep.equal(['Theme', 'Positive points', 'Problems', 'Total']);
    expect(svgName(el, 'coverage')).to.match(/^\d of \d priority quartiers/);
    await expect(el).to.be.accessible();
  });

  it('prints its tables, the filters and the date, without its buttons and filters', async () => {
    const el = await dashboard({ year, quartier: QUARTIER, organisation: 'oph' });
    const display = (selector: string) => getComputedStyle($(el, selector)!).display;
    const shown = (selector: string) => $(el, selector)!.getClientRects().length > 0;
    expect(display('[data-printed-filters]')).to.equal('none');
    // On screen the filters are a band of fields side by side (the console's filtersFieldset).
    expect(display('fieldset')).to.equal('flex');
    expect(getComputedStyle($(el, 'fieldset .field')!).flexBasis).to.equal(
      `${11 * parseFloat(getComputedStyle(document.documentElement).fontSize)}px`,
    );
    // The stylesheet prints the same way on its own (@media print), as `beforeprint` does.
    const media = (shadow(el).adoptedStyleSheets ?? [])
      .flatMap((s) => [...s.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print')
      .map((r) => r.cssText)
      .join('\n');
    expect(media).to.contain('.no-print').and.contain('break-inside: avoid');
    window.dispatchEvent(new Event('beforeprint'));
    expect(el.hasAttribute('data-printing')).to.equal(true);
    expect(display('fieldset')).to.equal('none');
    expect(shown('#print')).to.equal(false);
    expect(shown('a[data-csv="themes"]')).to.equal(false);
    expect(shown('table[data-table="themes"]')).to.equal(true);
    expect(shown('table[data-table="status"]')).to.equal(true);
    expect(display('[data-printed-filters]')).to.equal('block');
    expect(clean($(el, '[data-printed-filters]')?.textContent)).to.match(
      new RegExp(`^Année ${year} · Fontbarlettes · Office public de l’habitat · imprimé le \\d+ \\S+ \\d{4}$`),
    );
    expect(getComputedStyle($(el, 'figure[data-chart="themes"]')!).breakInside).to.equal('avoid');
    window.dispatchEvent(new Event('afterprint'));
    expect(display('fieldset')).to.not.equal('none');
  });

  it('says a refusal in words and tries again', async () => {
    await failNext('/engagements/dashboard', 503, 1);
    const el = await dashboard({ year });
    expect(clean($(el, '[role="alert"]')?.textContent)).to.not.equal('');
    expect($(el, 'table')).to.equal(null);
    $<HTMLButtonElement>(el, 'button.no-print')!.click();
    await el.loaded;
    expect($(el, 'table[data-table="coverage"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<gusp-console-dashboard> overdue list', () => {
  it('lists the overdue engagements from the core’s dashboard, formula-guarded in its CSV, linking to the desk', async () => {
    const engagement = (id: string, title: string, dueOn: string, organisationId = 'oph'): Engagement =>
      ({
        id,
        title,
        quartierId: 'le-plan',
        themeId: 'nettoyage',
        organisationId,
        observationIds: [],
        dueOn,
        status: 'accepted',
        progress: 20,
        milestones: [],
        proposedAt: '2026-01-05T09:00:00+01:00',
        updatedAt: '2026-01-05T09:00:00+01:00',
      }) as unknown as Engagement;
    const list = [engagement('e-1', '=HYPERLINK("x")', '2026-02-01'), engagement('e-2', 'Bancs', '2026-01-20', 'ville-de-valence')];
    const board: EngagementDashboard = engagementDashboard(list, new Date('2026-03-01T12:00:00Z'), valence);
    const data: DashboardData = {
      city: valence,
      coverage: { year: 2026, quartiers: [], uncovered: [] },
      stats: { total: 0, byThemeAndPolarity: [], byStop: [], byQuartierAndYear: [] },
      engagements: board,
      walks: [],
    };
    const el = await fixture<GuspConsoleDashboard>(
      html`<gusp-console-dashboard lang="fr" year="2026" .data=${data}></gusp-console-dashboard>`,
    );
    await el.loaded;
    const rows = tableOf(el, 'overdue');
    expect(Object.keys(rows)).to.deep.equal(['e-2', 'e-1']);
    expect(rows['e-2']).to.deep.include({ name: 'Bancs', organisation: 'Ville de Valence', dueOn: '2026-01-20', progress: '20' });
    expect(tableOf(el, 'delays').overdue!.value).to.equal('2');
    const csv = await csvOf(el, 'overdue');
    expect(csv.rows[2]![0]).to.equal('\'=HYPERLINK("x")');
    expect($(el, '[data-link="engagements"]')!.getAttribute('href')).to.match(/#engagements$/);
    expect(clean($(el, 'figure[data-chart="themes"]')?.textContent)).to.contain('Aucune observation pour ces filtres.');
    await expect(el).to.be.accessible();
  });
});
