/** @jsxImportSource preact */
// SPDX-License-Identifier: EUPL-1.2
// A Preact app using the elements in TSX.
import type {} from '@gusp/elements/preact';
import type { GuspObserveEvent } from '@gusp/elements';

export function Report({ quartierId }: { quartierId: string }) {
  return (
    <div>
      <gusp-issue-form
        quartier-id={quartierId}
        endpoint="/api"
        class="issue"
        ongusp-observe={(event) => {
          const e: GuspObserveEvent = event;
          return e;
        }}
      />
      <gusp-walk-signup walk-id="w1" ongusp-registered={(event) => event.detail} />
      <gusp-walk-list endpoint="/api" quartier="le-plan" />
      {/* @ts-expect-error endpoint is a string attribute */}
      <gusp-engagement-tracker endpoint={true} />
    </div>
  );
}
