import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { authenticate } from './http/auth/authenticate';
import { DigestAuth } from './http/auth/digest';
import { BearerTokens, oauthRouter } from './http/auth/oauth';
import { requireControlToken } from './http/control-token';
import { atlasErrors } from './http/errors';
import { faultInjection } from './http/faults';
import { requestJournal } from './http/journal';
import { requestLogging } from './http/logging';
import { notFound } from './http/not-found';
import { controlRoutes, type ControlOptions } from './routes/control';
import { alertConfigRoutes } from './routes/alert-configs';
import { backupScheduleRoutes } from './routes/backup-schedule';
import { clusterRoutes } from './routes/clusters';
import { encryptionAtRestRoutes } from './routes/encryption-at-rest';
import { projectRoutes } from './routes/projects';
import { restoreJobRoutes } from './routes/restore-jobs';
import { snapshotRoutes } from './routes/snapshots';
import type { MockStore } from './server/mock-store';

export interface AppOptions extends ControlOptions {
  readonly store: MockStore;
  readonly logger?: Logger;
  /** Mount the /_mock control API (default true); when false, /_mock/* is an unknown path (404). */
  readonly controlApi?: boolean;
  /** When set, every /_mock call needs `Authorization: Bearer <controlToken>` (else 401). */
  readonly controlToken?: string;
}

/** The Atlas routes, identical under /api/atlas/v1.0 and /api/atlas/v2 (versioning picks the representation). */
function atlasApi(store: MockStore, digest: DigestAuth, tokens: BearerTokens): express.Router {
  const router = express.Router();
  router.use(authenticate({ digest, tokens, store, clock: store.clock }));
  projectRoutes(router, store);
  encryptionAtRestRoutes(router, store);
  clusterRoutes(router, store);
  snapshotRoutes(router, store);
  restoreJobRoutes(router, store);
  backupScheduleRoutes(router, store);
  alertConfigRoutes(router, store);
  return router;
}

/**
 * The mock-atlas Express app: thin routes over domain operations, Atlas auth and errors.
 * @example const app = createApp({ store: new MockStore(), env: process.env });
 */
export function createApp(options: AppOptions): Express {
  const { store } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  if (options.logger) app.use(requestLogging(options.logger));
  // Journal first so that faulted requests are recorded; faults before the clock catches up
  // (a delay then sees the state as it is after the wait) and before authentication.
  app.use('/api', requestJournal(store.journal, store.clock), faultInjection(store.faults));
  app.use((_req, _res, next) => {
    store.catchUp();
    next();
  });

  const digest = new DigestAuth({ store, clock: store.clock });
  const tokens = new BearerTokens();
  app.use('/api/oauth', oauthRouter({ store, clock: store.clock, tokens }));
  app.use('/api/atlas/v1.0', atlasApi(store, digest, tokens));
  app.use('/api/atlas/v2', atlasApi(store, digest, tokens));
  if (options.controlApi !== false) {
    const control = express.Router();
    controlRoutes(control, store, options);
    if (options.controlToken !== undefined) app.use('/_mock', requireControlToken(options.controlToken), control);
    else app.use('/_mock', control);
  }
  app.use(notFound());
  app.use(atlasErrors());
  return app;
}
