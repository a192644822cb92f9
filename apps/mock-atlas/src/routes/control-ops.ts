// The control API's operational calls: export and import the whole state, read and clear the
// request journal, inject and clear faults.
import type { Request, Response, Router } from 'express';
import { AtlasError } from '@mock-atlas/atlas-http';
import { redactState } from '@mock-atlas/domain';
import { readFaultSpec } from '../http/faults';
import { jsonBody } from '../http/json-body';
import { route } from '../http/not-found';
import { intParam } from './paginate';
import { PLAIN_JSON, writeAtlasJson } from '../http/respond';
import type { MockStore } from '../server/mock-store';
import { restoreRedactedSecrets } from '../server/state-import';
import { checkMockState, formatProblems } from '../server/state-shape';

/** A whole state can be large: many projects, snapshots, timers. */
const STATE_BODY_LIMIT = 64 * 1024 * 1024;

function reply(res: Response, status: number, body?: unknown): void {
  writeAtlasJson(res, status, body, PLAIN_JSON);
}

function refusedImport(problems: readonly string[]): AtlasError {
  return new AtlasError('VALIDATION_ERROR', [], {
    detail: `The request content produced the validation error: the state cannot be imported:\n${formatProblems(problems)}`,
    extra: { problems },
  });
}

function queryString(req: Request, name: string): string | undefined {
  const value: unknown = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * GET/PUT /_mock/state, GET/DELETE /_mock/requests (`?method=`, `?path=` prefix, `?after=` id), GET/POST/DELETE /_mock/faults.
 * PUT /_mock/state takes what GET exports; its `<redacted>` secrets keep the current secret of
 * the same credential or provider, and are refused when there is none (server/state-import.ts).
 */
export function controlOpsRoutes(router: Router, store: MockStore): void {
  route(router, '/state', {
    GET: [(_req, res) => reply(res, 200, redactState(store.state))],
    PUT: [
      jsonBody({ limit: STATE_BODY_LIMIT }),
      (req, res) => {
        const checked = checkMockState(req.body);
        if (!checked.ok) throw refusedImport(checked.problems);
        const restored = restoreRedactedSecrets(checked.state, store.state);
        if (!restored.ok) throw refusedImport(restored.problems);
        store.replace(restored.state);
        reply(res, 200, redactState(store.state));
      },
    ],
  });

  route(router, '/requests', {
    GET: [
      (req, res) => {
        const method = queryString(req, 'method');
        const pathPrefix = queryString(req, 'path');
        const afterId = intParam(req, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
        const results = store.journal.list({
          ...(method ? { method } : {}),
          ...(pathPrefix ? { pathPrefix } : {}),
          afterId,
        });
        reply(res, 200, { results, totalCount: results.length });
      },
    ],
    DELETE: [
      (_req, res) => {
        store.journal.clear();
        reply(res, 204);
      },
    ],
  });

  route(router, '/faults', {
    GET: [
      (_req, res) => {
        const results = store.faults.list();
        reply(res, 200, { results, totalCount: results.length });
      },
    ],
    POST: [jsonBody(), (req, res) => reply(res, 201, store.faults.add(readFaultSpec(req.body)))],
    DELETE: [
      (_req, res) => {
        store.faults.clear();
        reply(res, 204);
      },
    ],
  });
}
