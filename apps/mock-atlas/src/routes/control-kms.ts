import type { Response, Router } from 'express';
import { AtlasError } from '@mock-atlas/atlas-http';
import { getMockClusterStatus, listKmsKeys, setKmsCredentials, upsertKmsKey, validateProject } from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { route } from '../http/not-found';
import { PLAIN_JSON, writeAtlasJson } from '../http/respond';
import type { MockStore } from '../server/mock-store';
import { durationMs } from '../server/virtual-clock';
import { checkGroupId, param } from './api-chain';

const reply = (res: Response, status: number, body: unknown) => writeAtlasJson(res, status, body, PLAIN_JSON);

function badClockBody(field: string, detail: string): AtlasError {
  return new AtlasError('INVALID_ATTRIBUTE', [field], { detail });
}

/**
 * Moves the virtual clock as `POST /_mock/clock` asks: `{advance: ISO-8601 duration}` or
 * `{set: ISO-8601 instant}`, exactly one, never backwards.
 */
function moveClock(store: MockStore, body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AtlasError('MISSING_ONE_OF_ATTRIBUTES', ['advance, set']);
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((k) => k !== 'advance' && k !== 'set');
  if (unknown !== undefined) throw new AtlasError('INVALID_ATTRIBUTE', [unknown]);
  if ((b.advance === undefined) === (b.set === undefined)) {
    throw new AtlasError('MISSING_ONE_OF_ATTRIBUTES', ['advance, set'], { detail: 'Send exactly one of advance (an ISO-8601 duration such as PT6H) and set (an ISO-8601 instant).' });
  }
  if (b.advance !== undefined) {
    const ms = typeof b.advance === 'string' ? durationMs(b.advance) : undefined;
    if (ms === undefined) {
      throw badClockBody('advance', 'advance must be an ISO-8601 duration of days, hours, minutes and seconds, such as PT15M, PT6H or P91D.');
    }
    store.clock.advance(ms);
    return;
  }
  const instant = typeof b.set === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(b.set) ? new Date(b.set) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) throw badClockBody('set', 'set must be an ISO-8601 instant such as 2027-01-01T00:00:00Z.');
  if (instant.getTime() < store.clock.now().getTime()) {
    throw badClockBody('set', `The clock only moves forward: ${instant.toISOString()} is before the current time ${store.clock.now().toISOString()}.`);
  }
  store.clock.set(instant);
}

function clockState(store: MockStore): { now: string; mode: string } {
  return { now: store.clock.now().toISOString(), mode: store.clock.mode };
}

/**
 * The control API of the simulated KMS (PRODUCT.md): keys and their states, credentials
 * that stop working, the validity check on demand ("Try Again", S0:73-75), the mock-side
 * status of a cluster, the virtual clock and the outbox of e-mails Atlas would have sent.
 */
export function controlKmsRoutes(router: Router, store: MockStore): void {
  route(router, '/kms/keys', {
    GET: [(_req, res) => reply(res, 200, { keys: listKmsKeys(store.state) })],
    POST: [jsonBody(), (req, res) => reply(res, 200, store.commit(upsertKmsKey(store.state, req.body, store.context())))],
  });

  route(router, '/kms/credentials', {
    POST: [jsonBody(), (req, res) => reply(res, 200, store.commit(setKmsCredentials(store.state, req.body)))],
  });

  route(router, '/groups/:groupId/encryptionAtRest/validate', {
    POST: [checkGroupId, (req, res) => reply(res, 200, store.commit(validateProject(store.state, param(req, 'groupId'), store.context())))],
  });

  route(router, '/groups/:groupId/clusters/:clusterName', {
    GET: [
      checkGroupId,
      (req, res) => reply(res, 200, store.commit(getMockClusterStatus(store.state, param(req, 'groupId'), param(req, 'clusterName')))),
    ],
  });

  route(router, '/clock', {
    GET: [(_req, res) => reply(res, 200, clockState(store))],
    POST: [
      jsonBody(),
      (req, res) => {
        moveClock(store, req.body);
        // Everything now due runs before the answer: checks, snapshots, transitions, reminders.
        store.catchUp();
        reply(res, 200, clockState(store));
      },
    ],
  });

  route(router, '/outbox', {
    GET: [
      (req, res) => {
        const groupId = typeof req.query.groupId === 'string' ? req.query.groupId : undefined;
        const notifications = store.state.outbox.filter((n) => groupId === undefined || n.groupId === groupId);
        reply(res, 200, { notifications });
      },
    ],
  });
}
