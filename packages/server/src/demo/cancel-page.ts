// SPDX-License-Identifier: EUPL-1.2
/**
 * The page behind the cancel link of emails (a walk's sign-up or a workshop's): a link cannot send DELETE, so it
 * shows a button that posts the cancellation (and a link preview or a mail
 * scanner that follows it cancels nothing).
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, content: string) => `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head>
<body><main><h1>${escape(title)}</h1>${content}</main></body>
</html>
`;

/** What a cancel link names: a walk's registration, or a workshop's (`/annulation?walk=…` or `?workshop=…`). */
export type CancelledGathering = 'walk' | 'workshop';

/** The sentences of the page, by what it cancels: « diagnostic en marchant » or « atelier ». */
const CANCEL_TEXTS: Readonly<Record<CancelledGathering, { fr: string; en: string }>> = {
  walk: {
    fr: 'Vous ne pourrez pas venir au diagnostic en marchant ? Annulez votre inscription : votre place ira à la première personne en liste d’attente.',
    en: 'Cannot come to the neighbourhood walk? Cancel your registration: your seat goes to the first person on the waiting list.',
  },
  workshop: {
    fr: 'Vous ne pourrez pas venir à l’atelier ? Annulez votre inscription : votre place ira à la première personne en liste d’attente.',
    en: 'Cannot come to the workshop? Cancel your registration: your seat goes to the first person on the waiting list.',
  },
};

export function cancelForm(kind: CancelledGathering, id: string, registrationId: string, token: string): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
  const texts = CANCEL_TEXTS[kind];
  return page(
    'Annuler mon inscription',
    `<p>${escape(texts.fr)}</p>
<p lang="en">${escape(texts.en)}</p>
<form method="post" action="/annulation">${hidden(kind, id)}${hidden('registration', registrationId)}${hidden('token', token)}
<button type="submit">Annuler mon inscription / Cancel my registration</button></form>`,
  );
}

export function cancelResult(ok: boolean, message: string): string {
  return page(ok ? 'Inscription annulée' : 'Annulation impossible', `<p role="status">${escape(message)}</p>`);
}
