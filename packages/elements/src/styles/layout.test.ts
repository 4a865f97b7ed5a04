// SPDX-License-Identifier: EUPL-1.2
/** What every element owes a CMS page: 320 px without horizontal scroll, 44 px targets, theming by custom properties. */
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../define/all.js';
import { walkData } from '../../test/helpers.js';

const page = () =>
  fixture<HTMLDivElement>(
    html`<div>
      <gusp-walk-signup .data=${walkData()}></gusp-walk-signup>
      <gusp-issue-form .data=${{ city: valence }}></gusp-issue-form>
      <gusp-engagement-tracker .data=${{ engagements: [], city: valence }}></gusp-engagement-tracker>
    </div>`,
  );

const elements = (root: HTMLElement) => [...root.children] as HTMLElement[];

afterEach(async () => {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

describe('layout of the elements', () => {
  it('is accessible with the three elements on one page', async () => {
    const root = await page();
    await expect(root).to.be.accessible();
  });

  it('fits 320 px wide without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    const root = await page();
    await Promise.all(elements(root).map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const el of elements(root)) expect(el.getBoundingClientRect().width, el.localName).to.be.at.most(320);
  });

  it('gives every control a target of at least 44 × 44 px', async () => {
    const root = await page();
    for (const el of elements(root)) {
      const controls = [
        ...(el.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(
          'button, select, textarea, input[type=text], input[type=email], input[type=tel], .check, summary',
        ),
      ];
      expect(controls.length, el.localName).to.be.greaterThan(3);
      for (const control of controls) {
        const { width, height } = control.getBoundingClientRect();
        expect(height, `${el.localName} ${control.outerHTML.slice(0, 60)}`).to.be.at.least(44);
        expect(width, `${el.localName} ${control.outerHTML.slice(0, 60)}`).to.be.at.least(44);
      }
    }
  });

  it('takes the city’s colours and font from --gusp-… custom properties set by the page', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div style="--gusp-color-primary: rgb(120, 0, 60); --gusp-font-family: serif; --gusp-radius: 0px">
        <gusp-walk-signup .data=${walkData()}></gusp-walk-signup>
      </div>`,
    );
    const el = root.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    const submit = el.shadowRoot!.querySelector('button[type=submit]') as HTMLElement;
    const style = getComputedStyle(submit);
    expect(style.backgroundColor).to.equal('rgb(120, 0, 60)');
    expect(style.borderRadius).to.equal('0px');
    expect(getComputedStyle(el).fontFamily).to.equal('serif');
  });
});
