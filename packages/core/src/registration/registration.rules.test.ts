// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActorRole } from '../actor.js';
import { at, registrationFixture, walkFixture } from '../fixtures.test-helpers.js';
import { assertRefused, assertTarget, itFollowsTheExpectedTable, X, type ExpectedTable } from '../rules/rules.test-helpers.js';
import { guardRefusal, refusalsOf, transition } from '../rules/transition.js';
import type { WalkStatus } from '../walk/walk.js';
import { registrationRules, seatsLeft, seatsTaken, type RegistrationContext, type RegistrationEventName } from './registration.rules.js';
import type { Registration, RegistrationStatus } from './registration.js';

const DEADLINE = '2026-03-13T18:00:00+01:00';
const BEFORE_DEADLINE = at('2026-03-10T12:00:00+01:00');

const walkIn = (status: WalkStatus, capacity = 3, institutionalSeats?: number) =>
  walkFixture({ status, capacity, registrationDeadline: DEADLINE, ...(institutionalSeats === undefined ? {} : { institutionalSeats }) });

/** Every registration guard of `register`, `cancel`, `remove` and `promote` passes: an open walk with seats, before the deadline, consent and email given, a reason for a removal. */
const allPass = (over: Partial<RegistrationContext> = {}): RegistrationContext => ({
  gathering: walkIn('open'),
  registrations: [],
  now: BEFORE_DEADLINE,
  role: 'resident',
  email: 'amina@example.org',
  consent: true,
  reason: 'Inscription en double',
  ...over,
});

/** Check-in and walk-ins happen during the walk: the only guards that need another walk status. */
const contextFor = (event: RegistrationEventName): RegistrationContext =>
  event === 'checkIn' || event === 'walkIn' ? allPass({ gathering: walkIn('in-progress') }) : allPass();

const full = (n: number, role: ActorRole = 'resident', status: RegistrationStatus = 'confirmed'): Registration[] =>
  Array.from({ length: n }, () => registrationFixture({ role, status }));

/**
 * DOMAIN.md: register → confirmed while seats remain, else waitlisted;
 * confirmed →checkIn→ attended; confirmed →markAbsent→ absent (walk finished);
 * confirmed|waitlisted →cancel→ cancelled; waitlisted →promote→ confirmed;
 * staff: confirmed|waitlisted →remove(reason)→ removed (issue 10, finding 4);
 * staff (issue 13): registerByStaff → confirmed or waitlisted (a phone-in), walkIn → attended
 * (someone who turned up), waitlisted →promoteByStaff→ confirmed, waitlisted →checkIn→ attended
 * (a waitlisted person who came); a cancellation on someone's behalf is `cancel`.
 */
const expected: ExpectedTable<RegistrationStatus, RegistrationEventName> = {
  states: ['confirmed', 'waitlisted', 'cancelled', 'removed', 'attended', 'absent'],
  events: ['register', 'registerByStaff', 'walkIn', 'cancel', 'remove', 'promote', 'promoteByStaff', 'checkIn', 'markAbsent'],
  rows: {
    //          register  registerByStaff walkIn  cancel  remove  promote  promoteByStaff  checkIn  markAbsent
    none: ['confirmed', 'confirmed', 'attended', X, X, X, X, X, X],
    confirmed: [X, X, X, 'cancelled', 'removed', X, X, 'attended', 'absent'],
    waitlisted: [X, X, X, 'cancelled', 'removed', 'confirmed', 'confirmed', 'attended', X],
    cancelled: [X, X, X, X, X, X, X, X, X],
    removed: [X, X, X, X, X, X, X, X, X],
    attended: [X, X, X, X, X, X, X, X, X],
    absent: [X, X, X, X, X, X, X, X, X],
  },
  fallbacks: [
    { from: 'none', event: 'register', target: 'waitlisted' },
    { from: 'none', event: 'registerByStaff', target: 'waitlisted' },
  ],
};

describe('registrationRules: the table', () => {
  itFollowsTheExpectedTable(registrationRules, expected, contextFor);
});

describe('registrationRules: guards', () => {
  const register = (over: Partial<RegistrationContext>) => transition(registrationRules, 'none', 'register', allPass(over));

  describe('walkOpen', () => {
    for (const status of ['draft', 'closed', 'in-progress', 'done', 'cancelled'] as const) {
      it(`refuses a sign-up to a ${status} walk with walk.registration-closed`, () => {
        assertRefused(register({ gathering: walkIn(status) }), 'walk.registration-closed');
      });
    }
    it('accepts a sign-up to an open walk', () => {
      assertTarget(register({ gathering: walkIn('open') }), 'confirmed');
    });
  });

  describe('beforeDeadline', () => {
    it('refuses a sign-up at the deadline itself with walk.registration-closed and the deadline in details', () => {
      const error = assertRefused(register({ now: at(DEADLINE) }), 'walk.registration-closed');
      assert.equal(error.details.deadline, DEADLINE);
      assert.equal(error.details.guard, 'beforeDeadline');
    });
    it('accepts a sign-up one millisecond before the deadline', () => {
      assertTarget(register({ now: at(DEADLINE, -1) }), 'confirmed');
    });
    it('refuses the waiting list after the deadline too', () => {
      assertRefused(register({ now: at(DEADLINE, 1), registrations: full(3) }), 'walk.registration-closed');
    });
  });

  describe('consentGiven', () => {
    it('refuses a registration without consent with registration.consent-required', () => {
      assertRefused(register({ consent: false }), 'registration.consent-required');
      assertRefused(register({ consent: undefined }), 'registration.consent-required');
    });
  });

  describe('contactGiven', () => {
    it('refuses a registration with neither email nor phone with registration.contact-required', () => {
      assertRefused(register({ email: undefined, phone: undefined }), 'registration.contact-required');
      assertRefused(register({ email: '  ', phone: '' }), 'registration.contact-required');
    });
    it('accepts a phone number alone, or an email alone', () => {
      assertTarget(register({ email: undefined, phone: '06 12 34 56 78' }), 'confirmed');
      assertTarget(register({ email: 'amina@example.org', phone: undefined }), 'confirmed');
    });
  });

  describe('newEmail', () => {
    const taken = [registrationFixture({ email: 'Amina.B@Example.org' })];
    it('refuses the same email twice on one walk, whatever the case and spaces, with registration.duplicate-email', () => {
      assertRefused(register({ registrations: taken, email: ' amina.b@EXAMPLE.ORG ' }), 'registration.duplicate-email');
    });
    it('counts waitlisted and attended registrations as taken', () => {
      assertRefused(
        register({ registrations: [registrationFixture({ email: 'a@example.org', status: 'waitlisted' })], email: 'a@example.org' }),
        'registration.duplicate-email',
      );
      assertRefused(
        register({ registrations: [registrationFixture({ email: 'a@example.org', status: 'attended' })], email: 'a@example.org' }),
        'registration.duplicate-email',
      );
    });
    it('does not count a cancelled registration: the person may sign up again', () => {
      const cancelled = [registrationFixture({ email: 'amina.b@example.org', status: 'cancelled' })];
      assertTarget(register({ registrations: cancelled, email: 'Amina.B@example.org' }), 'confirmed');
    });
    it('does not count a sign-up staff removed: the person may sign up again (or staff for them)', () => {
      const removed = [registrationFixture({ email: 'amina.b@example.org', status: 'removed' })];
      assertTarget(register({ registrations: removed, email: 'Amina.B@example.org' }), 'confirmed');
    });
    it('does not compare people who gave only a phone', () => {
      const phoneOnly = [registrationFixture({ email: undefined, phone: '0612345678' })];
      assertTarget(register({ registrations: phoneOnly, email: undefined, phone: '0698765432' }), 'confirmed');
    });
  });

  describe('seatAvailable', () => {
    it('falls back to waitlisted when the public seats are all taken', () => {
      assertTarget(register({ registrations: full(3) }), 'waitlisted');
    });
    it('counts attended people as seated, and cancelled, removed, absent and waitlisted ones as not', () => {
      assertTarget(register({ registrations: [...full(2), ...full(1, 'resident', 'attended')] }), 'waitlisted');
      const notSeated = [
        ...full(1, 'resident', 'removed'),
        ...full(1, 'resident', 'cancelled'),
        ...full(1, 'resident', 'absent'),
        ...full(1, 'resident', 'waitlisted'),
        ...full(2),
      ];
      assertTarget(register({ registrations: notSeated }), 'confirmed');
    });
    it('counts associations against public seats', () => {
      assertTarget(register({ registrations: full(3, 'association') }), 'waitlisted');
      assertTarget(register({ registrations: full(3), role: 'association' }), 'waitlisted');
    });
    for (const role of ['elected', 'landlord', 'professional', 'proximity-agent', 'partner'] as const) {
      it(`seats a ${role} when public seats are full: institutional seats do not count against them`, () => {
        assertTarget(register({ registrations: full(3), role }), 'confirmed');
      });
    }
    it('does not let institutional people take public seats', () => {
      assertTarget(register({ registrations: full(10, 'elected') }), 'confirmed');
    });
    it('waitlists an institutional person when their own limited seats are taken', () => {
      const walk = walkIn('open', 3, 1);
      assertTarget(register({ gathering: walk, registrations: full(1, 'landlord'), role: 'elected' }), 'waitlisted');
      assertTarget(register({ gathering: walk, registrations: full(1, 'landlord'), role: 'resident' }), 'confirmed');
    });
    it('refuses to promote when no seat is free with walk.full', () => {
      assertRefused(transition(registrationRules, 'waitlisted', 'promote', allPass({ registrations: full(3) })), 'walk.full');
    });
    it('promotes when a seat is free', () => {
      assertTarget(transition(registrationRules, 'waitlisted', 'promote', allPass({ registrations: full(2) })), 'confirmed');
    });
  });

  describe('walkNotStarted', () => {
    for (const status of ['in-progress', 'done', 'reported', 'cancelled'] as const) {
      it(`refuses to cancel a registration once the walk is ${status} with registration.walk-over`, () => {
        assertRefused(
          transition(registrationRules, 'confirmed', 'cancel', allPass({ gathering: walkIn(status) })),
          'registration.walk-over',
        );
        assertRefused(
          transition(registrationRules, 'waitlisted', 'cancel', allPass({ gathering: walkIn(status) })),
          'registration.walk-over',
        );
      });
    }
    for (const status of ['draft', 'open', 'closed'] as const) {
      it(`lets a person cancel while the walk is ${status}`, () => {
        assertTarget(transition(registrationRules, 'confirmed', 'cancel', allPass({ gathering: walkIn(status) })), 'cancelled');
      });
    }
  });

  describe('walkNotStarted, for a removal', () => {
    for (const status of ['in-progress', 'done', 'reported', 'cancelled'] as const) {
      it(`refuses to remove a sign-up once the walk is ${status} with registration.walk-over`, () => {
        assertRefused(
          transition(registrationRules, 'confirmed', 'remove', allPass({ gathering: walkIn(status) })),
          'registration.walk-over',
        );
        assertRefused(
          transition(registrationRules, 'waitlisted', 'remove', allPass({ gathering: walkIn(status) })),
          'registration.walk-over',
        );
      });
    }
    for (const status of ['draft', 'open', 'closed'] as const) {
      it(`lets staff remove a sign-up while the walk is ${status}`, () => {
        assertTarget(transition(registrationRules, 'waitlisted', 'remove', allPass({ gathering: walkIn(status) })), 'removed');
      });
    }
  });

  describe('reasonGiven', () => {
    it('refuses a removal without a reason, or with only spaces, with registration.reason-required', () => {
      for (const reason of [undefined, '', '   \n\t'])
        assertRefused(transition(registrationRules, 'confirmed', 'remove', allPass({ reason })), 'registration.reason-required');
    });
    it('is not asked of a cancellation: the person cancels without saying why', () => {
      assertTarget(transition(registrationRules, 'confirmed', 'cancel', allPass({ reason: undefined })), 'cancelled');
    });
  });

  describe('walkUnderway', () => {
    for (const status of ['open', 'closed', 'done'] as const) {
      it(`refuses a check-in while the walk is ${status} with registration.walk-not-underway`, () => {
        assertRefused(
          transition(registrationRules, 'confirmed', 'checkIn', allPass({ gathering: walkIn(status) })),
          'registration.walk-not-underway',
        );
      });
    }
    it('checks in during the walk', () => {
      assertTarget(transition(registrationRules, 'confirmed', 'checkIn', allPass({ gathering: walkIn('in-progress') })), 'attended');
    });
  });
});

describe('registrationRules: what staff do for people (issue 13)', () => {
  const byStaff = (over: Partial<RegistrationContext>) => transition(registrationRules, 'none', 'registerByStaff', allPass(over));
  const walkInto = (over: Partial<RegistrationContext>) =>
    transition(registrationRules, 'none', 'walkIn', allPass({ gathering: walkIn('in-progress'), ...over }));
  const promote = (over: Partial<RegistrationContext>) => transition(registrationRules, 'waitlisted', 'promoteByStaff', allPass(over));

  describe('publishedNotStarted: staff sign up someone who phoned', () => {
    it('accepts an open walk, and one past its deadline (effectively closed): staff decide', () => {
      assertTarget(byStaff({ gathering: walkIn('open') }), 'confirmed');
      assertTarget(byStaff({ gathering: walkIn('closed'), now: at(DEADLINE, 1) }), 'confirmed');
    });
    for (const status of ['draft', 'in-progress', 'done', 'reported', 'cancelled'] as const) {
      it(`refuses a ${status} walk with registration.staff-sign-up-closed`, () => {
        const error = assertRefused(byStaff({ gathering: walkIn(status) }), 'registration.staff-sign-up-closed');
        assert.equal(error.details.guard, 'publishedNotStarted');
      });
    }
    it('asks the sign-up’s own rules too: consent (given orally), a contact, a new email', () => {
      assertRefused(byStaff({ consent: false }), 'registration.consent-required');
      assertRefused(byStaff({ email: undefined, phone: undefined }), 'registration.contact-required');
      assertTarget(byStaff({ email: undefined, phone: '04 75 00 00 00' }), 'confirmed');
      const taken = [registrationFixture({ email: 'amina@example.org' })];
      assertRefused(byStaff({ registrations: taken }), 'registration.duplicate-email');
    });
  });

  describe('overCapacityReasonGiven', () => {
    it('waitlists a phone-in when the pool is full and staff give no reason', () => {
      assertTarget(byStaff({ registrations: full(3) }), 'waitlisted');
      assertTarget(byStaff({ registrations: full(3), overCapacityReason: '  ' }), 'waitlisted');
    });
    it('seats a phone-in beyond the capacity when staff say why', () => {
      assertTarget(byStaff({ registrations: full(3), overCapacityReason: 'Accompagne sa mère en fauteuil' }), 'confirmed');
    });
    it('promotes a waitlisted person when a seat is free, without a reason', () => {
      assertTarget(promote({ registrations: full(2) }), 'confirmed');
    });
    it('refuses to promote into a full pool without a reason with registration.over-capacity-reason-required, and lists both ways out', () => {
      for (const overCapacityReason of [undefined, '', ' \t'])
        assertRefused(promote({ registrations: full(3), overCapacityReason }), 'registration.over-capacity-reason-required');
      assert.deepEqual(
        refusalsOf(registrationRules, 'waitlisted', 'promoteByStaff', allPass({ registrations: full(3) })).map((r) => r.code),
        ['walk.full', 'registration.over-capacity-reason-required'],
      );
    });
    it('promotes beyond the capacity with a reason', () => {
      assertTarget(promote({ registrations: full(3), overCapacityReason: 'Élue du quartier' }), 'confirmed');
    });
    for (const status of ['in-progress', 'done', 'cancelled'] as const) {
      it(`refuses a staff promotion once the walk is ${status} with registration.walk-over (check the person in instead)`, () => {
        assertRefused(promote({ gathering: walkIn(status), registrations: [] }), 'registration.walk-over');
      });
    }
    it('refuses to promote someone who is not waitlisted', () => {
      for (const status of ['confirmed', 'attended', 'cancelled', 'removed', 'absent'] as const)
        assertRefused(transition(registrationRules, status, 'promoteByStaff', allPass()), 'registration.invalid-transition');
    });
  });

  describe('walkInDuringWalk: someone who turns up', () => {
    it('adds them present, registrations closed and the walk full', () => {
      assertTarget(walkInto({ registrations: full(3), now: at(DEADLINE, 3_600_000) }), 'attended');
    });
    for (const status of ['draft', 'open', 'closed', 'done', 'reported', 'cancelled'] as const) {
      it(`refuses a walk-in while the walk is ${status} with registration.walk-in-not-underway`, () => {
        const error = assertRefused(walkInto({ gathering: walkIn(status) }), 'registration.walk-in-not-underway');
        assert.equal(error.details.guard, 'walkInDuringWalk');
      });
    }
    it('needs no contact, but the person’s consent, and not an email already registered (check them in instead)', () => {
      assertTarget(walkInto({ email: undefined, phone: undefined }), 'attended');
      assertRefused(walkInto({ consent: false }), 'registration.consent-required');
      assertRefused(walkInto({ registrations: [registrationFixture({ email: 'Amina@example.org' })] }), 'registration.duplicate-email');
    });
  });

  describe('walkUnderway, for a waitlisted person who came', () => {
    it('checks them in during the walk, full or not', () => {
      assertTarget(
        transition(registrationRules, 'waitlisted', 'checkIn', allPass({ gathering: walkIn('in-progress'), registrations: full(3) })),
        'attended',
      );
    });
    for (const status of ['open', 'closed', 'done'] as const) {
      it(`refuses while the walk is ${status} with registration.walk-not-underway`, () => {
        assertRefused(
          transition(registrationRules, 'waitlisted', 'checkIn', allPass({ gathering: walkIn(status) })),
          'registration.walk-not-underway',
        );
      });
    }
  });
});

describe('seatsTaken() and seatsLeft()', () => {
  const walk = walkIn('open', 4, 2);
  const regs = [
    ...full(1),
    ...full(1, 'association', 'attended'),
    ...full(1, 'resident', 'waitlisted'),
    ...full(1, 'resident', 'cancelled'),
    ...full(1, 'elected'),
  ];
  it('counts confirmed and attended people in the pool of the role', () => {
    assert.equal(seatsTaken(regs, 'resident'), 2);
    assert.equal(seatsTaken(regs, 'partner'), 1);
  });
  it('gives the public seats left, and the institutional ones', () => {
    assert.equal(seatsLeft(walk, regs, 'resident'), 2);
    assert.equal(seatsLeft(walk, regs, 'landlord'), 1);
  });
  it('never goes below zero, and is unlimited for institutions without a limit', () => {
    assert.equal(seatsLeft(walkIn('open', 1), full(3), 'resident'), 0);
    assert.equal(seatsLeft(walkIn('open', 1), full(3, 'elected'), 'elected'), Number.POSITIVE_INFINITY);
  });
});

describe('registrationRules: what a sign-up form asks', () => {
  it('lists every missing piece at once with refusalsOf(), never « full » (a full walk waitlists)', () => {
    const ctx = allPass({ consent: false, email: '', phone: ' ', registrations: full(3) });
    assert.deepEqual(
      refusalsOf(registrationRules, 'none', 'register', ctx).map((r) => [r.code, r.details.guard]),
      [
        ['registration.consent-required', 'consentGiven'],
        ['registration.contact-required', 'contactGiven'],
      ],
    );
    assertRefused(transition(registrationRules, 'none', 'register', ctx), 'registration.consent-required');
    assert.deepEqual(refusalsOf(registrationRules, 'none', 'register', allPass({ registrations: full(3) })), []);
  });

  it('answers one guard by name with guardRefusal(), as the form checks field by field', () => {
    assert.equal(guardRefusal(registrationRules, 'consentGiven', allPass()), undefined);
    assert.deepEqual(guardRefusal(registrationRules, 'consentGiven', allPass({ consent: false })), {
      code: 'registration.consent-required',
      details: { guard: 'consentGiven' },
    });
    assert.equal(guardRefusal(registrationRules, 'contactGiven', allPass({ email: '', phone: '04 75 00 00 00' })), undefined);
    assert.equal(
      guardRefusal(registrationRules, 'contactGiven', allPass({ email: ' ', phone: undefined }))?.code,
      'registration.contact-required',
    );
  });
});
