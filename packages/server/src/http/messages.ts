// SPDX-License-Identifier: EUPL-1.2
/**
 * Messages of the errors the server itself raises (the core localizes its
 * own). French is the reference; English must have every key (a test checks).
 */
export type ServerLocale = 'fr' | 'en';

export const SERVER_LOCALES: readonly ServerLocale[] = ['fr', 'en'];

type Messages = Readonly<Record<string, string | ((d: Record<string, unknown>) => string)>>;

/** A detail as text: numbers and strings as they are, anything else (missing, an object) as nothing. */
const s = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');

export const fr: Messages = {
  'request.invalid-json': 'Le corps de la requête n’est pas du JSON valide.',
  'request.too-large': (d) => `La requête est trop volumineuse (au plus ${s(d.maxBytes)} octets).`,
  'request.not-found': 'Cette adresse n’existe pas.',
  'request.rate-limited': (d) => `Trop de demandes : réessayez dans ${s(d.retryAfterSeconds)} s.`,
  'request.invalid-idempotency-key': 'L’en-tête Idempotency-Key doit compter de 1 à 200 caractères visibles.',
  'request.idempotency-key-reused':
    'Cet en-tête Idempotency-Key a déjà servi pour une autre demande : envoyez celle-ci avec une nouvelle clé.',
  'request.unsupported-media-type': (d) =>
    `Type de contenu refusé${s(d.contentType) ? ` (${s(d.contentType)})` : ''} : envoyez du JSON (Content-Type: application/json)${d.multipart ? ', ou multipart/form-data avec un en-tête Idempotency-Key ou X-Requested-With' : ''}.`,
  'request.signups-limited': (d) =>
    `Trop d’inscriptions à cette balade depuis cette connexion (${s(d.limit)} au plus) : réessayez dans ${s(d.retryAfterSeconds)} s, ou contactez l’équipe qui l’organise.`,
  'request.token-required': 'Le jeton d’annulation reçu à l’inscription est nécessaire.',
  'request.invalid-query': 'Un paramètre de l’adresse est invalide.',
  'request.invalid-cursor':
    'Ce curseur de page est invalide : reprenez la liste depuis le début, ou utilisez le « next » de la page précédente tel quel.',
  'request.invalid-months': 'Le délai doit être un nombre entier de mois, de 0 à 120.',
  'request.source-forbidden': 'Seul le personnel peut enregistrer une observation au nom d’un agent ou d’un diagnostic.',
  'request.challenge-required':
    'Ce serveur demande une preuve de travail pour les envois publics : demandez un défi (GET /api/challenge), résolvez-le et envoyez la solution dans l’en-tête X-Altcha. Les formulaires GUSP le font d’eux-mêmes.',
  'request.challenge-invalid': (d) =>
    `${d.reason === 'expired' ? 'Cette preuve de travail a expiré' : d.reason === 'spent' ? 'Cette preuve de travail a déjà servi' : 'Cette preuve de travail est invalide'} : demandez un nouveau défi (GET /api/challenge) et envoyez sa solution.`,
  'open311.quartier-required':
    'Indiquez lat et long, ou quartier_id avec address_string ou address_id : le quartier ne se déduit pas d’une adresse seule.',
  'photo.unsupported-type': 'Seules les photos JPEG, PNG ou WebP sont acceptées.',
  'photo.invalid': 'Cette image est illisible ou tronquée.',
  'photo.too-many-pixels': (d) =>
    `Cette image est trop grande : ${s(d.maxPixels)} pixels au plus (réduisez-la, par exemple à 1600 pixels de côté).`,
  'photo.not-found': 'Cette photo est introuvable.',
  'photo.unknown': 'Envoyez d’abord la photo (POST /api/photos), puis son identifiant avec le signalement.',
  'photo.region-outside': (d) =>
    `Cette zone sort de la photo (${s(d.width)} × ${s(d.height)} pixels) : dessinez-la sur l’image, sans la dépasser.`,
  'request.invalid-multipart':
    'Envoi multipart invalide : une partie « observation » (JSON) et une partie « photo » par photo annoncée, trois au plus.',
  'auth.required': 'Cette ressource est réservée au personnel : connectez-vous, ou envoyez un jeton.',
  'auth.invalid-token': 'Ce jeton est invalide ou a été révoqué.',
  'auth.forbidden': 'Votre rôle ne permet pas cette action.',
  'auth.session-invalid': 'Votre session a expiré ou a été fermée : reconnectez-vous.',
  'auth.csrf':
    'Demande refusée : elle ne vient pas de l’espace de gestion (en-têtes Origin et X-CSRF-Token). Rechargez la page et réessayez.',
  'staff.sign-in-invalid': 'Ce lien ou ce code de connexion est invalide, a déjà servi ou a expiré (15 minutes) : demandez-en un nouveau.',
  'staff.email-taken': 'Un compte actif existe déjà pour cette adresse.',
  'staff.account-not-found': 'Ce compte est introuvable.',
  'staff.account-deactivated': 'Ce compte est désactivé : invitez de nouveau la personne pour lui rendre l’accès.',
  'staff.organisation-required': 'Le rôle « organisation » demande une organisation, et lui seul en prend une.',
  'staff.unknown-organisation': (d) => `Organisation inconnue : ${s(d.organisationId)}.`,
  'staff.token-not-found': 'Aucun jeton actif ne porte cet identifiant.',
  'staff.session-required': 'Cette action concerne une session : connectez-vous (un jeton d’API n’en a pas).',
  'staff.invalid-email': 'Adresse électronique invalide.',
  'staff.invalid-role': 'Rôle inconnu : coordinator, agent ou organisation.',
  'staff.oidc-not-configured':
    'La connexion par le fournisseur d’identité de la ville n’est pas configurée ici : connectez-vous par courriel.',
  'staff.oidc-unavailable': 'Le fournisseur d’identité ne répond pas : réessayez dans un moment, ou connectez-vous par courriel.',
  'staff.oidc-failed': 'La connexion par le fournisseur d’identité a échoué ou a expiré : recommencez depuis la page de connexion.',
  'staff.oidc-no-account':
    'Aucun compte actif ne correspond à l’adresse donnée par votre fournisseur d’identité : demandez une invitation à la coordination.',
  'internal.error': 'Erreur interne du serveur. Réessayez plus tard.',
};

export const en: Messages = {
  'request.invalid-json': 'The request body is not valid JSON.',
  'request.too-large': (d) => `The request is too large (at most ${s(d.maxBytes)} bytes).`,
  'request.not-found': 'There is nothing at this address.',
  'request.rate-limited': (d) => `Too many requests: try again in ${s(d.retryAfterSeconds)} s.`,
  'request.invalid-idempotency-key': 'The Idempotency-Key header must have 1 to 200 visible characters.',
  'request.idempotency-key-reused': 'This Idempotency-Key was already used for another request: send this one with a new key.',
  'request.unsupported-media-type': (d) =>
    `Content type refused${s(d.contentType) ? ` (${s(d.contentType)})` : ''}: send JSON (Content-Type: application/json)${d.multipart ? ', or multipart/form-data with an Idempotency-Key or X-Requested-With header' : ''}.`,
  'request.signups-limited': (d) =>
    `Too many sign-ups to this walk from this connection (at most ${s(d.limit)}): try again in ${s(d.retryAfterSeconds)} s, or contact the team running it.`,
  'request.token-required': 'The cancellation token given at sign-up is required.',
  'request.invalid-query': 'A query parameter is invalid.',
  'request.invalid-cursor': 'This page cursor is invalid: start the list again, or use the previous page’s `next` as it is.',
  'request.invalid-months': 'The delay must be a whole number of months, from 0 to 120.',
  'request.source-forbidden': 'Only staff may record an observation on behalf of an agent or a walk.',
  'request.challenge-required':
    'This server asks for proof of work on public writes: get a challenge (GET /api/challenge), solve it and send the solution in the X-Altcha header. GUSP forms do it by themselves.',
  'request.challenge-invalid': (d) =>
    `${d.reason === 'expired' ? 'This proof of work has expired' : d.reason === 'spent' ? 'This proof of work was already used' : 'This proof of work is invalid'}: get a new challenge (GET /api/challenge) and send its solution.`,
  'open311.quartier-required':
    'Give lat and long, or quartier_id with address_string or address_id: the quartier cannot be told from an address alone.',
  'photo.unsupported-type': 'Only JPEG, PNG or WebP photos are accepted.',
  'photo.invalid': 'This image is unreadable or truncated.',
  'photo.too-many-pixels': (d) => `This image is too large: at most ${s(d.maxPixels)} pixels (shrink it, e.g. to 1600 pixels a side).`,
  'photo.not-found': 'This photo cannot be found.',
  'photo.unknown': 'Send the photo first (POST /api/photos), then its id with the report.',
  'photo.region-outside': (d) =>
    `This area goes beyond the photo (${s(d.width)} × ${s(d.height)} pixels): draw it on the image, within it.`,
  'request.invalid-multipart':
    'Invalid multipart upload: one `observation` part (JSON) and one `photo` part per photo listed, three at most.',
  'auth.required': 'This resource is for staff only: sign in, or send a token.',
  'auth.invalid-token': 'This token is invalid or has been revoked.',
  'auth.forbidden': 'Your role does not allow this action.',
  'auth.session-invalid': 'Your session has expired or was closed: sign in again.',
  'auth.csrf': 'Request refused: it does not come from the back office (Origin and X-CSRF-Token headers). Reload the page and try again.',
  'staff.sign-in-invalid': 'This sign-in link or code is invalid, was already used or has expired (15 minutes): ask for a new one.',
  'staff.email-taken': 'An active account already exists for this address.',
  'staff.account-not-found': 'This account cannot be found.',
  'staff.account-deactivated': 'This account is deactivated: invite the person again to give them access back.',
  'staff.organisation-required': 'The “organisation” role needs an organisation, and only it takes one.',
  'staff.unknown-organisation': (d) => `Unknown organisation: ${s(d.organisationId)}.`,
  'staff.token-not-found': 'No active token has this id.',
  'staff.session-required': 'This action is about a session: sign in (an API token has none).',
  'staff.invalid-email': 'Invalid email address.',
  'staff.invalid-role': 'Unknown role: coordinator, agent or organisation.',
  'staff.oidc-not-configured': 'Sign-in through the city’s identity provider is not set up here: sign in by email.',
  'staff.oidc-unavailable': 'The identity provider does not answer: try again in a moment, or sign in by email.',
  'staff.oidc-failed': 'Sign-in through the identity provider failed or expired: start again from the sign-in page.',
  'staff.oidc-no-account': 'No active account matches the address your identity provider gave: ask the coordination for an invitation.',
  'internal.error': 'Internal server error. Please try again later.',
};

const catalogues: Readonly<Record<ServerLocale, Messages>> = { fr, en };

/** The server's message for `code`, or `undefined` when the code is the core's. */
export function serverMessage(code: string, locale: ServerLocale, details: Record<string, unknown> = {}): string | undefined {
  const msg = catalogues[locale][code] ?? fr[code];
  if (msg === undefined) return undefined;
  return typeof msg === 'function' ? msg(details) : msg;
}

/**
 * The language of the answer, from `Accept-Language` (RFC 9110 §12.5.4):
 * the supported tag with the highest weight; French when none matches.
 */
export function negotiateLocale(header: string | undefined | null): ServerLocale {
  if (!header) return 'fr';
  let best: { locale: ServerLocale; q: number } | undefined;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0] as ServerLocale;
    if (!SERVER_LOCALES.includes(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? 'fr';
}
