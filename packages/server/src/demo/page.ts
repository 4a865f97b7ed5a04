// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo page served at `/`: Valence's walks with a sign-up form, a report
 * form and the engagements tracker, in French, over the public API. Plain
 * HTML and one module script, until `@gusp/elements` takes its place.
 */
import type { CityProfile } from '@gusp/core';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoPage(city: CityProfile): string {
  const quartiers = city.quartiers.map((q) => `<option value="${escape(q.id)}">${escape(q.name)}</option>`).join('');
  const themes = city.themes.map((t) => `<option value="${escape(t.id)}">${escape(t.name)}</option>`).join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GUSP — ${escape(city.name)} : démonstration</title>
<style>
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
  h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #2b5797; }
  .walk { border: 1px solid #ccc; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
  label { display: block; margin-top: .5rem; font-weight: 600; }
  input, select, textarea, button { font: inherit; padding: .35rem .5rem; }
  button { background: #2b5797; color: #fff; border: 0; border-radius: .3rem; margin-top: .75rem; cursor: pointer; }
  [role="status"] { margin-top: .5rem; font-weight: 600; }
  .error { color: #a4000f; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
</style>
</head>
<body>
<header>
  <h1>Gestion urbaine et sociale de proximité — ${escape(city.name)}</h1>
  <p>Démonstration du serveur de référence : diagnostics en marchant, signalements et suivi des engagements.
  <a href="/api/walks">API JSON</a> · <a href="/healthz">état du service</a></p>
</header>
<main>
  <section aria-labelledby="walks-title">
    <h2 id="walks-title">Diagnostics en marchant</h2>
    <div id="walks" aria-live="polite"><p>Chargement…</p></div>
  </section>
  <section aria-labelledby="report-title">
    <h2 id="report-title">Signaler un dysfonctionnement ou un point positif</h2>
    <form id="report">
      <label for="r-quartier">Quartier</label><select id="r-quartier" name="quartierId" required><option value="">— Choisir —</option>${quartiers}</select>
      <label for="r-theme">Thématique</label><select id="r-theme" name="themeId" required><option value="">— Choisir —</option>${themes}</select>
      <fieldset><legend>Nature</legend>
        <label><input type="radio" name="polarity" value="problem" checked> Dysfonctionnement</label>
        <label><input type="radio" name="polarity" value="positive"> Point positif</label>
      </fieldset>
      <label for="r-address">Adresse ou repère</label><input id="r-address" name="address" required maxlength="300">
      <label for="r-description">Description</label><textarea id="r-description" name="description" required maxlength="2000" rows="3"></textarea>
      <button type="submit">Envoyer le signalement</button>
      <p role="status" id="report-status"></p>
    </form>
  </section>
  <section aria-labelledby="tracker-title">
    <h2 id="tracker-title">Suivi des engagements</h2>
    <div id="tracker" aria-live="polite"><p>Chargement…</p></div>
  </section>
</main>
<script type="module">
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const api = async (path, init = {}) => {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', 'accept-language': 'fr', ...(init.headers ?? {}) } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error?.message ?? 'Erreur ' + res.status);
  return body;
};
const date = (iso) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' });

async function loadWalks() {
  const { walks } = await api('/api/walks');
  const el = document.getElementById('walks');
  el.innerHTML = walks.length === 0 ? '<p>Aucun diagnostic prévu.</p>' : walks.map((w) => \`
    <article class="walk" data-walk="\${esc(w.id)}">
      <h3>\${esc(w.walk.title ?? 'Diagnostic en marchant')}</h3>
      <p>\${esc(date(w.walk.startsAt))} — rendez-vous : \${esc(w.walk.meetingPoint?.label ?? '—')}</p>
      <p>\${w.status === 'open' ? (w.seatsLeft > 0 ? esc(w.seatsLeft) + ' place(s) restante(s)' : 'Complet : inscription en liste d’attente (' + esc(w.waitlisted) + ' personne(s))')
        : w.status === 'reported' ? '<a href="/api/walks/' + esc(w.id) + '/report">Compte-rendu partagé</a> (' + esc(w.attended) + ' participant(s))'
        : w.status === 'cancelled' ? 'Annulé' : 'Inscriptions fermées'}</p>
      \${w.status === 'open' ? \`<form class="signup">
        <label for="n-\${esc(w.id)}">Nom</label><input id="n-\${esc(w.id)}" name="name" required autocomplete="name" maxlength="120">
        <label for="e-\${esc(w.id)}">Courriel</label><input id="e-\${esc(w.id)}" name="email" type="email" required autocomplete="email">
        <label><input type="checkbox" name="consent" required> J’accepte que mes coordonnées soient utilisées pour ce diagnostic.</label>
        <button type="submit">S’inscrire</button>
        <p role="status"></p>
      </form>\` : ''}
    </article>\`).join('');
  for (const form of el.querySelectorAll('form.signup')) {
    const key = crypto.randomUUID();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = form.querySelector('[role="status"]');
      const data = new FormData(form);
      const walkId = form.closest('[data-walk]').dataset.walk;
      try {
        const r = await api('/api/walks/' + walkId + '/registrations', { method: 'POST', headers: { 'idempotency-key': key },
          body: JSON.stringify({ name: data.get('name'), email: data.get('email'), consent: data.get('consent') === 'on' }) });
        status.className = '';
        status.textContent = r.status === 'confirmed' ? 'Inscription confirmée.' : 'Vous êtes en liste d’attente, position ' + r.position + '.';
      } catch (e) { status.className = 'error'; status.textContent = e.message; }
    });
  }
}

async function loadTracker() {
  const d = await api('/api/engagements/dashboard');
  const labels = { proposed: 'Proposé', accepted: 'Accepté', 'in-progress': 'En cours', done: 'Réalisé', verified: 'Vérifié', abandoned: 'Abandonné' };
  document.getElementById('tracker').innerHTML = '<table><caption>Engagements par statut (' + esc(d.total) + ' au total, ' + esc(d.overdue) + ' en retard)</caption><tr><th scope="col">Statut</th><th scope="col">Nombre</th></tr>'
    + Object.entries(d.byStatus).map(([k, v]) => '<tr><td>' + esc(labels[k] ?? k) + '</td><td>' + esc(v) + '</td></tr>').join('') + '</table>';
}

document.getElementById('report').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const status = document.getElementById('report-status');
  const data = Object.fromEntries(new FormData(form));
  try {
    await api('/api/observations', { method: 'POST', headers: { 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(data) });
    status.className = ''; status.textContent = 'Merci, votre signalement est enregistré.'; form.reset();
  } catch (e) { status.className = 'error'; status.textContent = e.message; }
});

loadWalks().catch((e) => { document.getElementById('walks').innerHTML = '<p class="error">' + esc(e.message) + '</p>'; });
loadTracker().catch((e) => { document.getElementById('tracker').innerHTML = '<p class="error">' + esc(e.message) + '</p>'; });
</script>
</body>
</html>
`;
}
