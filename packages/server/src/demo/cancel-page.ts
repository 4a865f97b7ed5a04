// SPDX-License-Identifier: EUPL-1.2
/**
 * The page behind the cancel link of emails: a link cannot send DELETE, so it
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

export function cancelForm(walkId: string, registrationId: string, token: string): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
  return page(
    'Annuler mon inscription',
    `<p>Vous ne pourrez pas venir au diagnostic en marchant ? Annulez votre inscription : votre place ira à la première personne en liste d’attente.</p>
<p lang="en">Cannot come to the neighbourhood walk? Cancel your registration: your seat goes to the first person on the waiting list.</p>
<form method="post" action="/annulation">${hidden('walk', walkId)}${hidden('registration', registrationId)}${hidden('token', token)}
<button type="submit">Annuler mon inscription / Cancel my registration</button></form>`,
  );
}

export function cancelResult(ok: boolean, message: string): string {
  return page(ok ? 'Inscription annulée' : 'Annulation impossible', `<p role="status">${escape(message)}</p>`);
}
