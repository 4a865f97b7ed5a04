// SPDX-License-Identifier: EUPL-1.2
/**
 * What a coordinator sends to manage the back office's accounts and API tokens (`POST
 * /api/staff/accounts`, `…/:accountId/role`, `POST /api/staff/tokens`): one definition, which the
 * server checks requests with and the console checks its forms with before sending, so a typo is
 * said at its field, in the person's language, without a round trip.
 */
import * as z from 'zod/mini';
import { STAFF_ROLES } from './registration/registration.js';

// No control characters: PostgreSQL refuses U+0000 in text, and no address of ours holds one.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const EMAIL = /^[^\s@\u0000-\u001f\u007f]{1,64}@[^\s@\u0000-\u001f\u007f]{1,255}$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const text = (max: number) => /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(NO_CONTROL), /* @__PURE__ */ z.maxLength(max));

/** A staff member's address: trimmed, at most 254 characters, `local@domain` without spaces or control characters. */
export const StaffEmail = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(254), /* @__PURE__ */ z.regex(EMAIL));
/** A staff role: coordinator, agent, organisation. */
export const StaffRole = /* @__PURE__ */ z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;
/** The organisation of an `organisation` account or token: an id of the city profile's organisations. */
export const StaffOrganisationId = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), /* @__PURE__ */ z.maxLength(64)),
);

/** Inviting a person: their address, name, role, and organisation for the `organisation` role (and only for it). */
export const StaffInviteInput = /* @__PURE__ */ z.strictObject({
  email: StaffEmail,
  name: /* @__PURE__ */ z.optional(text(120)),
  role: StaffRole,
  organisationId: StaffOrganisationId,
});
export type StaffInviteInput = z.input<typeof StaffInviteInput>;

/** A new role for an account (and its organisation, for the `organisation` role). */
export const StaffRoleInput = /* @__PURE__ */ z.strictObject({ role: StaffRole, organisationId: StaffOrganisationId });
export type StaffRoleInput = z.input<typeof StaffRoleInput>;

/** A new API token for a machine: its role, organisation, and a label saying what it is for. */
export const StaffTokenInput = /* @__PURE__ */ z.strictObject({
  role: StaffRole,
  organisationId: StaffOrganisationId,
  label: /* @__PURE__ */ z.optional(text(120)),
});
export type StaffTokenInput = z.input<typeof StaffTokenInput>;
