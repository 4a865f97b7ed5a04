// SPDX-License-Identifier: EUPL-1.2
// A React 19 app using the elements in TSX, type-checked against @types/react 19.
import type {} from '@gusp/elements/react';
import type { GuspRegisterEvent, GuspWalkSignup } from '@gusp/elements';
import { useRef } from 'react';

export function SignUp({ walkId }: { walkId: string }) {
  const ref = useRef<GuspWalkSignup>(null);
  return (
    <>
      <gusp-walk-signup
        ref={ref}
        walk-id={walkId}
        endpoint="/api"
        lang="fr"
        className="signup"
        ongusp-register={(event) => {
          const e: GuspRegisterEvent = event;
          return e;
        }}
      />
      <gusp-issue-form walk-id={walkId} ongusp-observed={(event) => event.type} />
      <gusp-engagement-tracker endpoint="/api" now={new Date()} />
      <gusp-walk-list endpoint="/api" quartier="le-plan" heading-level={3} />
      {/* @ts-expect-error quartier is a string attribute */}
      <gusp-walk-list quartier={7} />
      {/* @ts-expect-error walk-id is a string attribute */}
      <gusp-walk-signup walk-id={42} />
    </>
  );
}
