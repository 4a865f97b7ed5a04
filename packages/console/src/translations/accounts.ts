// SPDX-License-Identifier: EUPL-1.2
/**
 * The texts of `<gusp-console-accounts>` (its room: only this screen uses them), French then
 * English; and the sign-in screen's words for a failed sign-in through the city's provider
 * (`signInErrors`, by the code of `/gestion/connexion?error=oidc-…`), which the accounts' work brought.
 */
export interface AccountsTexts {
  readonly title: string;
  readonly intro: string;
  readonly errorTitle: (count: number) => string;
  // The invitation.
  readonly inviteTitle: string;
  readonly inviteIntro: string;
  readonly email: string;
  readonly emailHint: string;
  readonly name: string;
  readonly nameHint: string;
  readonly role: string;
  readonly roleHints: Readonly<Record<'coordinator' | 'agent' | 'organisation', string>>;
  readonly organisation: string;
  readonly chooseOrganisation: string;
  readonly invite: string;
  readonly inviting: string;
  readonly invited: (who: string) => string;
  readonly notSent: string;
  // The list.
  readonly listTitle: string;
  readonly count: (active: number, inactive: number) => string;
  readonly noAccounts: string;
  readonly you: string;
  readonly active: string;
  readonly deactivatedOn: (date: string) => string;
  readonly lastSignIn: (date: string) => string;
  readonly neverSignedIn: string;
  readonly invitedOn: (date: string) => string;
  readonly erased: string;
  readonly changeRole: (who: string) => string;
  readonly changeRoleTitle: (who: string) => string;
  readonly save: string;
  readonly saving: string;
  readonly cancel: string;
  readonly roleChanged: (who: string, role: string) => string;
  readonly deactivate: (who: string) => string;
  readonly deactivateConfirm: (who: string) => string;
  readonly deactivateYes: string;
  readonly deactivating: string;
  readonly deactivated: (who: string) => string;
  // The API tokens.
  readonly tokensTitle: string;
  readonly tokensIntro: string;
  readonly noTokens: string;
  readonly tokenLabel: string;
  readonly tokenLabelHint: string;
  readonly unnamedToken: string;
  readonly createToken: string;
  readonly creatingToken: string;
  readonly newTokenTitle: string;
  readonly newTokenWarning: string;
  readonly newTokenValue: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly newTokenDone: string;
  readonly createdOn: (date: string) => string;
  readonly revokedOn: (date: string) => string;
  readonly revoke: (label: string) => string;
  readonly revokeConfirm: (label: string) => string;
  readonly revokeYes: string;
  readonly revoking: string;
  readonly revoked: (label: string) => string;
  // Refusals of the server, by code.
  readonly refusals: {
    readonly emailTaken: string;
    readonly unknownOrganisation: string;
    readonly organisationRequired: string;
    readonly accountDeactivated: string;
    readonly accountNotFound: string;
    readonly tokenNotFound: string;
  };
  /** A sign-in through the city's provider that failed (`/gestion/connexion?error=oidc-<code>`). */
  readonly signInErrors: {
    readonly refused: string;
    readonly failed: string;
    readonly 'no-account': string;
    readonly unavailable: string;
    readonly 'not-configured': string;
  };
}

export const accountsFr: AccountsTexts = {
  title: 'Comptes de l’équipe',
  intro:
    'Les personnes qui ont accès à l’espace de gestion, et les jetons des logiciels qui appellent l’API. Chacune se connecte sans mot de passe, par un lien reçu par courriel.',
  errorTitle: (n) => (n > 1 ? `Il y a ${n} erreurs à corriger` : 'Il y a une erreur à corriger'),
  inviteTitle: 'Inviter une personne',
  inviteIntro: 'Elle reçoit par courriel un lien de connexion valable 7 jours, utilisable une fois.',
  email: 'Adresse électronique professionnelle',
  emailHint: 'Par exemple : prenom.nom@ville.fr',
  name: 'Nom (facultatif)',
  nameHint: 'Tel qu’il s’affichera dans l’espace de gestion, par exemple Camille Martin.',
  role: 'Rôle',
  roleHints: {
    coordinator: 'Coordination : planifie les diagnostics, gère les inscriptions, les engagements et les comptes.',
    agent: 'Agent de terrain : fait les pointages et saisit les observations le jour J.',
    organisation: 'Organisation partenaire : suit et met à jour les engagements de son organisation seulement.',
  },
  organisation: 'Organisation',
  chooseOrganisation: 'Choisissez une organisation',
  invite: 'Envoyer l’invitation',
  inviting: 'Envoi de l’invitation…',
  invited: (who) => `Invitation envoyée à ${who}.`,
  notSent: 'Rien n’a été envoyé : le serveur ne répond pas. Ce que vous avez saisi est conservé ; vérifiez votre connexion puis réessayez.',
  listTitle: 'Comptes',
  count: (active, inactive) =>
    `${active} compte${active > 1 ? 's' : ''} actif${active > 1 ? 's' : ''}` +
    (inactive ? `, ${inactive} désactivé${inactive > 1 ? 's' : ''}` : ''),
  noAccounts: 'Aucun compte pour l’instant : invitez la première personne ci-dessus.',
  you: '(vous)',
  active: 'Actif',
  deactivatedOn: (date) => `Désactivé le ${date}`,
  lastSignIn: (date) => `Dernière connexion : ${date}`,
  neverSignedIn: 'Ne s’est jamais connecté',
  invitedOn: (date) => `Invité le ${date}`,
  erased: 'Personne effacée',
  changeRole: (who) => `Changer le rôle de ${who}`,
  changeRoleTitle: (who) => `Nouveau rôle pour ${who}`,
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  roleChanged: (who, role) => `${who} a désormais le rôle ${role}.`,
  deactivate: (who) => `Désactiver le compte de ${who}`,
  deactivateConfirm: (who) =>
    `Désactiver le compte de ${who} ? Ses sessions ouvertes prennent fin immédiatement et ses liens de connexion ne fonctionnent plus. Pour lui rendre l’accès, il faudra l’inviter de nouveau.`,
  deactivateYes: 'Oui, désactiver',
  deactivating: 'Désactivation…',
  deactivated: (who) => `Le compte de ${who} est désactivé : ses sessions ont pris fin.`,
  tokensTitle: 'Jetons d’API (logiciels)',
  tokensIntro:
    'Un jeton permet à un logiciel (import, tableau de bord, script) d’appeler l’API avec un rôle. Il n’est affiché qu’une fois, à sa création.',
  noTokens: 'Aucun jeton.',
  tokenLabel: 'À quoi sert ce jeton',
  tokenLabelHint: 'Par exemple : import des signalements de l’OPH.',
  unnamedToken: 'Jeton sans nom',
  createToken: 'Créer le jeton',
  creatingToken: 'Création du jeton…',
  newTokenTitle: 'Votre nouveau jeton',
  newTokenWarning:
    'Copiez-le maintenant et gardez-le en lieu sûr : il ne sera plus jamais affiché. Quiconque le détient agit avec ce rôle ; en cas de doute, révoquez-le.',
  newTokenValue: 'Jeton',
  copy: 'Copier le jeton',
  copied: 'Jeton copié dans le presse-papiers.',
  copyFailed: 'La copie a échoué : sélectionnez le jeton et copiez-le à la main.',
  newTokenDone: 'J’ai copié le jeton',
  createdOn: (date) => `Créé le ${date}`,
  revokedOn: (date) => `Révoqué le ${date}`,
  revoke: (label) => `Révoquer le jeton « ${label} »`,
  revokeConfirm: (label) =>
    `Révoquer le jeton « ${label} » ? Il cesse de fonctionner immédiatement ; le logiciel qui l’utilise sera refusé.`,
  revokeYes: 'Oui, révoquer',
  revoking: 'Révocation…',
  revoked: (label) => `Le jeton « ${label} » est révoqué.`,
  refusals: {
    emailTaken: 'Un compte actif existe déjà pour cette adresse.',
    unknownOrganisation: 'Cette organisation n’existe pas dans le profil de la ville : choisissez-en une de la liste.',
    organisationRequired: 'Choisissez l’organisation de la personne : le rôle « organisation » en demande une.',
    accountDeactivated: 'Ce compte est désactivé : invitez de nouveau la personne pour lui rendre l’accès.',
    accountNotFound: 'Ce compte n’existe plus. La liste a été rechargée.',
    tokenNotFound: 'Ce jeton n’existe plus ou est déjà révoqué. La liste a été rechargée.',
  },
  signInErrors: {
    refused: 'La connexion a été annulée ou refusée par le service d’identification. Réessayez, ou recevez un lien par courriel.',
    failed: 'La connexion n’a pas abouti : elle a expiré ou a été commencée dans un autre navigateur. Recommencez depuis cette page.',
    'no-account':
      'Aucun compte actif ne correspond à l’adresse donnée par le service d’identification. Demandez à la coordination de vous inviter.',
    unavailable: 'Le service d’identification ne répond pas. Réessayez dans quelques minutes, ou recevez un lien par courriel.',
    'not-configured': 'La connexion par un service d’identification n’est pas proposée ici : recevez un lien par courriel.',
  },
};

export const accountsEn: AccountsTexts = {
  title: 'Team accounts',
  intro:
    'The people who can use the back office, and the tokens of the software that calls the API. Everyone signs in without a password, through a link sent by email.',
  errorTitle: (n) => (n > 1 ? `There are ${n} errors to correct` : 'There is an error to correct'),
  inviteTitle: 'Invite someone',
  inviteIntro: 'They get a sign-in link by email, valid for 7 days and usable once.',
  email: 'Work email address',
  emailHint: 'For example: firstname.lastname@city.gov',
  name: 'Name (optional)',
  nameHint: 'As the back office will show it, for example Camille Martin.',
  role: 'Role',
  roleHints: {
    coordinator: 'Coordination: plans walks, manages registrations, commitments and accounts.',
    agent: 'Field agent: checks people in and records observations on the day.',
    organisation: 'Partner organisation: follows and updates its own organisation’s commitments only.',
  },
  organisation: 'Organisation',
  chooseOrganisation: 'Choose an organisation',
  invite: 'Send the invitation',
  inviting: 'Sending the invitation…',
  invited: (who) => `Invitation sent to ${who}.`,
  notSent: 'Nothing was sent: the server is not answering. What you typed is kept; check your connection and try again.',
  listTitle: 'Accounts',
  count: (active, inactive) => `${active} active account${active === 1 ? '' : 's'}` + (inactive ? `, ${inactive} deactivated` : ''),
  noAccounts: 'No account yet: invite the first person above.',
  you: '(you)',
  active: 'Active',
  deactivatedOn: (date) => `Deactivated on ${date}`,
  lastSignIn: (date) => `Last signed in: ${date}`,
  neverSignedIn: 'Has never signed in',
  invitedOn: (date) => `Invited on ${date}`,
  erased: 'Person erased',
  changeRole: (who) => `Change ${who}’s role`,
  changeRoleTitle: (who) => `New role for ${who}`,
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  roleChanged: (who, role) => `${who} now has the ${role} role.`,
  deactivate: (who) => `Deactivate ${who}’s account`,
  deactivateConfirm: (who) =>
    `Deactivate ${who}’s account? Their open sessions end at once and their sign-in links stop working. To give them access again, invite them again.`,
  deactivateYes: 'Yes, deactivate',
  deactivating: 'Deactivating…',
  deactivated: (who) => `${who}’s account is deactivated: their sessions have ended.`,
  tokensTitle: 'API tokens (software)',
  tokensIntro:
    'A token lets a piece of software (an import, a dashboard, a script) call the API with a role. It is shown only once, when it is created.',
  noTokens: 'No token.',
  tokenLabel: 'What this token is for',
  tokenLabelHint: 'For example: import of the landlord’s reports.',
  unnamedToken: 'Unnamed token',
  createToken: 'Create the token',
  creatingToken: 'Creating the token…',
  newTokenTitle: 'Your new token',
  newTokenWarning:
    'Copy it now and keep it somewhere safe: it will never be shown again. Whoever holds it acts with this role; if in doubt, revoke it.',
  newTokenValue: 'Token',
  copy: 'Copy the token',
  copied: 'Token copied to the clipboard.',
  copyFailed: 'Copying failed: select the token and copy it by hand.',
  newTokenDone: 'I have copied the token',
  createdOn: (date) => `Created on ${date}`,
  revokedOn: (date) => `Revoked on ${date}`,
  revoke: (label) => `Revoke the token “${label}”`,
  revokeConfirm: (label) => `Revoke the token “${label}”? It stops working at once; the software using it will be refused.`,
  revokeYes: 'Yes, revoke',
  revoking: 'Revoking…',
  revoked: (label) => `The token “${label}” is revoked.`,
  refusals: {
    emailTaken: 'An active account already has this address.',
    unknownOrganisation: 'This organisation is not in the city profile: choose one from the list.',
    organisationRequired: 'Choose the person’s organisation: the “organisation” role needs one.',
    accountDeactivated: 'This account is deactivated: invite the person again to give them access.',
    accountNotFound: 'This account no longer exists. The list has been reloaded.',
    tokenNotFound: 'This token no longer exists or is already revoked. The list has been reloaded.',
  },
  signInErrors: {
    refused: 'The sign-in was cancelled or refused by the identity service. Try again, or get a link by email.',
    failed: 'The sign-in did not complete: it expired or was started in another browser. Start again from this page.',
    'no-account': 'No active account matches the address the identity service gave. Ask the coordination team to invite you.',
    unavailable: 'The identity service is not answering. Try again in a few minutes, or get a link by email.',
    'not-configured': 'Signing in through an identity service is not offered here: get a link by email.',
  },
};
