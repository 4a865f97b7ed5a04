// SPDX-License-Identifier: EUPL-1.2
// What vue-tsc checks a template against: the props of `GlobalComponents['gusp-…']`.
import type {} from '@gusp/elements/vue';
import type { GuspRegisterEvent } from '@gusp/elements';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const signup: Props<'gusp-walk-signup'> = {
  walkId: 'w1',
  endpoint: '/api',
  onGuspRegister: (event: GuspRegisterEvent) => event.detail,
};
export const form: Props<'gusp-issue-form'> = { quartierId: 'q1', onGuspObservationQueued: (event) => event.type };
// @ts-expect-error walkId is a string attribute
export const wrong: Props<'gusp-walk-signup'> = { walkId: 42 };
export const list: Props<'gusp-walk-list'> = { endpoint: '/api', quartier: 'le-plan' };
// @ts-expect-error quartier is a string attribute
export const wrongList: Props<'gusp-walk-list'> = { quartier: 7 };
