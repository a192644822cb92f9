// A throwaway app for the auth tests: authentication in front of one echo route, with a spy that
// keeps every Authorization header the clients sent and every refusal reason.
import express, { type Express, type Request } from 'express';
import { authenticate } from '../auth/authenticate';
import { DigestAuth, type DigestAlgorithm } from '../auth/digest';
import { BearerTokens, oauthRouter } from '../auth/oauth';
import { atlasErrors } from '../errors';
import { principalOf } from '../locals';
import { notFound } from '../not-found';
import { InMemoryCredentialStore, ManualClock } from './in-memory-credential-store';

export const PUBLIC_KEY = 'abcdefgh';
export const PRIVATE_KEY = '6f2f3c1e-8f0a-4c1b-9d7e-0a1b2c3d4e5f';
export const CLIENT_ID = 'mdb_sa_id_6650a0c1f1a2b3c4d5e6f7a8';
export const CLIENT_SECRET = 'mdb_sa_sk_s3cr3t-Value+with/odd=chars';
export const GROUP_ID = '5e2211c17a3e5a48f5497de3';

export interface AuthApp {
  readonly app: Express;
  readonly clock: ManualClock;
  readonly store: InMemoryCredentialStore;
  readonly tokens: BearerTokens;
  /** Authorization headers as received, in order. */
  readonly seen: (string | undefined)[];
  /** Why requests were refused, in order. */
  readonly refusals: string[];
  /** Runs as each request arrives, before authentication (e.g. to move the clock between a challenge and its answer). */
  onRequest: (req: Request) => void;
}

/** GET/POST /echo answers `{principal}` once authenticated; /api/oauth/* is the token endpoint. */
export function authApp(options: { algorithms?: readonly DigestAlgorithm[]; nonceTtlSeconds?: number } = {}): AuthApp {
  const clock = new ManualClock();
  const store = new InMemoryCredentialStore()
    .addApiKey(PUBLIC_KEY, PRIVATE_KEY, [{ role: 'GROUP_OWNER', groupId: GROUP_ID }])
    .addServiceAccount(CLIENT_ID, CLIENT_SECRET, [{ role: 'GROUP_READ_ONLY', groupId: GROUP_ID }]);
  const tokens = new BearerTokens();
  const digest = new DigestAuth({ store, clock, ...options });
  const app = express();
  const harness: AuthApp = { app, clock, store, tokens, seen: [], refusals: [], onRequest: () => undefined };
  app.use('/api/oauth', oauthRouter({ store, clock, tokens }));
  app.use((req, _res, next) => {
    harness.seen.push(req.headers.authorization);
    harness.onRequest(req);
    next();
  });
  app.use(authenticate({ digest, tokens, store, clock, onRefused: (why) => harness.refusals.push(why) }));
  app.all('/echo', (_req, res) => {
    res.json({ principal: principalOf(res) });
  });
  app.use(notFound());
  app.use(atlasErrors());
  return harness;
}
