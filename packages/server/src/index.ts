// SPDX-License-Identifier: EUPL-1.2
/**
 * `@gusp/server`: the reference GUSP backend. `startServer()` runs it all;
 * the parts are exported for those who assemble their own (another router,
 * another process layout).
 */
export { startServer, openMigratedDatabase, type RunningServer, type StartOptions } from './server.js';
export { createApp, type AppOptions } from './app.js';
export type { Env } from './http/context.js';
export type { ServerLocale } from './http/messages.js';
export type { RateLimitOptions } from './http/rate-limit.js';
export {
  proofOfWork,
  DEFAULT_PROOF_OF_WORK_MAX_NUMBER,
  type ProofOfWork,
  type ProofOfWorkOptions,
  type Verdict,
} from './http/challenge.js';
export type { PhotoType } from './photos.js';
export {
  openDatabase,
  lockDataDir,
  defaultPoolSize,
  PGLITE_SHARED_BUFFERS,
  sharedBuffersOf,
  DataDirLockedError,
  type Database,
  type DatabaseKind,
  type OpenDatabaseOptions,
} from './db.js';
export { pgSql, pgliteSql, Rollback, type Sql, type SqlResult, type SqlSession } from './sql.js';
export { sqlStore, committedPosition, HighWaterTimeout } from './store/sql-store.js';
export { migrate, loadMigrations, type Migration } from './store/migrate.js';
export { openReadModels, type ReadModels, type ReadModelsOptions, type RebuildReport } from './read/read-models.js';
export { READ_MODELS_VERSION, type Projection, type ProjectionContext } from './read/projection.js';
export {
  authenticate,
  createToken,
  revokeToken,
  STAFF_ROLES,
  type CreateTokenInput,
  type Staff,
  type StaffRole,
  type TokenInfo,
} from './auth.js';
export type { StaffAccount } from './staff/accounts.js';
export type { OpenedSession, SessionStaff } from './staff/sessions.js';
export type { OidcOptions, OidcPending } from './staff/oidc.js';
export {
  DEFAULT_SIGN_IN_LIMITS,
  type InviteRequest,
  type SignInLimits,
  type StaffServiceOptions,
  type VerifyRequest,
} from './staff/service.js';
export { purgePersonalData, exportPersonalData, type PurgeResult } from './privacy.js';
export { createNotifier, type Notifier, type NotifierOptions } from './notify/notifier.js';
export { seedValence } from './seed/valence.js';
