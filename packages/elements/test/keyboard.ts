// SPDX-License-Identifier: EUPL-1.2
/** The sign-up form filled with the keyboard alone, as the walk list's and the project page's tests both do it. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** The focused element, through the shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * From the sign-up's focused heading, with Tab, typing and Space only: the name, the email, past the
 * phone, « Vous venez pour une institution ? » and « Non » to the needs, the consent ticked, up to the
 * submit button, which has the focus. `step` presses one key (and checks where the focus went).
 */
export async function tabThroughSignup(step: (press: string) => Promise<void>, name: string, email: string): Promise<void> {
  await step('Tab');
  expect(deepActive()?.id).to.equal('name');
  await sendKeys({ type: name });
  await step('Tab');
  await sendKeys({ type: email });
  await step('Tab'); // phone
  await step('Tab'); // « Vous venez pour une institution ? »
  await step('Tab'); // the needs question: « Non »
  expect(deepActive()?.id).to.equal('needs-no');
  await step('Tab');
  expect(deepActive()?.id).to.equal('consent');
  await step('Space');
  await step('Tab');
  expect(deepActive()?.getAttribute('type')).to.equal('submit');
}
