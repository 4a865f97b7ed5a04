// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile, Walk } from '@gusp/core';

/**
 * What `<gusp-issue-form>` needs: the city profile (quartiers, themes by
 * axis) and, during a walk, the walk (its quartier and ordered stops).
 * With `endpoint`, it comes from `GET {endpoint}/walks/{walk-id}` (the same
 * `WalkSignupData` the sign-up uses, which carries `city`) or `GET {endpoint}/city`.
 */
export interface IssueFormData {
  readonly city: CityProfile;
  readonly walk?: Pick<Walk, 'id' | 'quartierId' | 'stops'>;
}
