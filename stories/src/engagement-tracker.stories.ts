// SPDX-License-Identifier: EUPL-1.2
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EngagementTrackerData } from '@gusp/elements';
import { html } from 'lit';
import { NOW, manyEngagements, overdueEngagements, trackerData, typicalEngagements } from './fixtures.js';
import { attr, attributeControls, hiddenControls, ifDefined } from './story-helpers.js';

interface Args {
  data: EngagementTrackerData | undefined;
  now: Date | number;
  lang: string;
  endpoint: string;
  'heading-level': string;
}

/**
 * `<gusp-engagement-tracker>`, read on Monday 4 January 2027 (the `now`
 * property), so « en retard » and due dates in words do not drift.
 */
const meta = {
  title: 'Elements/Engagement tracker',
  component: 'gusp-engagement-tracker',
  args: { data: trackerData(typicalEngagements()), now: NOW, lang: '', endpoint: '', 'heading-level': '' },
  argTypes: attributeControls('endpoint', 'heading-level'),
  parameters: { controls: { exclude: hiddenControls } },
  render: (args, { loaded }) => html`
    <gusp-engagement-tracker
      lang=${ifDefined(attr(args.lang))}
      endpoint=${ifDefined(attr(args.endpoint))}
      heading-level=${ifDefined(attr(args['heading-level']))}
      .data=${(loaded.data as EngagementTrackerData | undefined) ?? args.data}
      .now=${new Date(args.now)}
    ></gusp-engagement-tracker>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** No engagement yet. */
export const Empty: Story = { args: { data: trackerData([]) } };

/** A typical quartier: one engagement of each kind, one of them overdue. */
export const Typical: Story = {};

/**
 * On a page whose own heading is an `<h2>`: `heading-level="3"` puts the
 * tracker's title at `<h3>` and each engagement's at `<h4>`, so the page's
 * outline stays whole (2 by default).
 */
export const HeadingLevel: Story = {
  args: { 'heading-level': '3' },
  decorators: [
    (story) =>
      html`<main>
        <h2>Le Plan, quartier prioritaire</h2>
        ${story()}
      </main>`,
  ],
};

/** Several engagements past their due date (« en retard »), one done in time. */
export const Overdue: Story = { args: { data: trackerData(overdueEngagements()) } };

/**
 * 10,000 engagements, half overdue: only the rows near the viewport are in
 * the DOM. Built in a loader (not an arg), so the controls panel does not
 * serialise 10,000 objects.
 */
export const TenThousandItems: Story = {
  args: { data: undefined },
  parameters: { controls: { exclude: [...hiddenControls, 'data'] } },
  loaders: [async () => ({ data: trackerData(manyEngagements()) })],
};
