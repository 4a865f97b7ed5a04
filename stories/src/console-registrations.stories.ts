// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-registrations>` (`@gusp/console`): one walk's registrations for staff — the needs
 * to plan for, the phone-in form, the list with cancel and promote — with data given to the
 * element (no server behind Storybook: a send there says the server does not answer).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence, type AccessibilityNeed, type ActorRole, type RegistrationStatus } from '@gusp/core';
import type { ListedRegistration, RegistrationsData } from '@gusp/console';
import '@gusp/console/define/registrations.js';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const WALK = 'walk-le-plan-2099';
let n = 0;

/** A registration as `GET /api/walks/:id/registrations` lists it. */
const person = (
  name: string,
  extra: Partial<Omit<ListedRegistration, 'status' | 'role' | 'needs'>> & {
    status?: RegistrationStatus;
    role?: ActorRole;
    needs?: AccessibilityNeed[];
  } = {},
): ListedRegistration => {
  const at = `2099-02-${String(10 + (n++ % 18)).padStart(2, '0')}T10:00:00+01:00`;
  return {
    id: `reg-${n}` as ListedRegistration['id'],
    walkId: WALK as ListedRegistration['walkId'],
    name,
    role: 'resident',
    needs: [],
    locale: 'fr',
    consent: { version: '2026-01', at },
    status: 'confirmed',
    registeredAt: at,
    updatedAt: at,
    channel: 'online',
    ...extra,
  };
};

const summaryOf = (overrides: Parameters<typeof walkData>[0]) => {
  const { city: _city, ...summary } = walkData(overrides, { city: undefined });
  return summary;
};

/** Le Plan, 25 seats: five people, one in a wheelchair with an interpreter, one phone-only, one waiting, one cancelled. */
const someRegistrations = (): RegistrationsData => {
  n = 0;
  const registrations = [
    person('Zoé Martin', { email: 'zoe.martin@example.org', needs: ['wheelchair', 'interpreter'], needsNote: 'Vient avec sa fille' }),
    person('Ginette Roux', {
      phone: '06 12 34 56 78',
      channel: 'phone',
      consent: { version: '2026-01', at: '2099-02-11T10:00:00+01:00', via: 'staff' },
    }),
    person('Karim Benali', { email: 'karim@example.org', role: 'association', phone: '0475000000' }),
    person('Léa Attente', { email: 'lea@example.org', status: 'waitlisted' }),
    person('Paul Parti', { email: 'paul@example.org', status: 'cancelled', cancelReason: 'A appelé : malade' }),
  ];
  return {
    summary: summaryOf({ confirmed: 3, seatsLeft: 22, waitlisted: 1 }),
    city: valence,
    registrations,
    needs: {
      among: 'registered',
      people: 4,
      withNeeds: 1,
      counts: [
        { need: 'wheelchair', count: 1 },
        { need: 'interpreter', count: 1 },
      ],
      notes: 1,
      text: '1 fauteuil roulant, 1 interprète',
    },
    role: 'coordinator',
  };
};

/** A full walk (2 seats): the phone-in form asks for a reason to go beyond, and promoting asks for one too. */
const fullWalk = (): RegistrationsData => {
  const data = someRegistrations();
  return {
    ...data,
    summary: summaryOf({ capacity: 2, confirmed: 3, seatsLeft: 0, waitlisted: 1, walk: { capacity: 2 } }),
  };
};

/** Twelve people: the list has its search box and status filter. */
const longList = (): RegistrationsData => {
  const data = someRegistrations();
  const more = ['Amina Belkacem', 'Bruno Lefèvre', 'Chloé Dubois', 'David Nguyen', 'Élise Garnier', 'Farid Haddad', 'Hélène Petit'].map(
    (name, i) => person(name, { email: `p${i}@example.org` }),
  );
  return { ...data, registrations: [...data.registrations, ...more] };
};

const nobody = (): RegistrationsData => ({
  summary: summaryOf({ confirmed: 0, seatsLeft: 25 }),
  city: valence,
  registrations: [],
  needs: { among: 'registered', people: 0, withNeeds: 0, counts: [], notes: 0, text: 'Aucun besoin signalé' },
  role: 'coordinator',
});

interface RegistrationsArgs {
  lang: string;
  data: RegistrationsData | undefined;
}

export default {
  title: 'Console/Registrations',
  component: 'gusp-console-registrations',
  args: { lang: '', data: someRegistrations() },
  render: (args) =>
    html`<gusp-console-registrations
      lang=${ifDefined(attr(args.lang))}
      walk-id=${WALK}
      endpoint="/storybook-has-no-api"
      .data=${args.data}
    ></gusp-console-registrations>`,
} satisfies Meta<RegistrationsArgs>;

type RegistrationsStory = StoryObj<RegistrationsArgs>;

/** Five people: the needs to plan for at the top, the phone-in form, the list with its actions. */
export const SomeRegistrations: RegistrationsStory = {};

/** A full walk: the form offers to seat a phone-in beyond the capacity, with a reason. */
export const FullWalk: RegistrationsStory = { args: { data: fullWalk() } };

/** Twelve people: a search box and a status filter above the list. */
export const LongList: RegistrationsStory = { args: { data: longList() } };

/** Nobody yet: the list says so. */
export const Empty: RegistrationsStory = { args: { data: nobody() } };

/** No data given and no GUSP server behind Storybook: the failure is said, with « Réessayer ». */
export const LoadFailed: RegistrationsStory = {
  // An endpoint the browser cannot reach (nothing listens on port 9), as the other screens' failure stories.
  tags: ['network-refused'],
  args: { data: undefined },
  render: () => html`<gusp-console-registrations walk-id=${WALK} endpoint="http://127.0.0.1:9/api"></gusp-console-registrations>`,
};
