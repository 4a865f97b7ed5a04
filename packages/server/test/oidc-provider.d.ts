// SPDX-License-Identifier: EUPL-1.2
/**
 * The little of `oidc-provider` (no types of its own, and no `@types` installed) that
 * test/staff-oidc.test.ts uses to run a real local OpenID Connect provider.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export interface KoaContextWithOIDC {
    readonly oidc: {
      readonly provider: Provider;
      readonly session?: { readonly accountId?: string; grantIdFor(clientId: string): string | undefined };
      readonly client?: { readonly clientId: string };
    };
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly Grant: { new (init: { clientId: string; accountId: string }): Grant; find(id: string): Promise<Grant | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
