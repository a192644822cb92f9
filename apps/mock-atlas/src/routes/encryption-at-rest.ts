import type { Router } from 'express';
import { earToRepresentation, getEncryptionAtRest, updateEncryptionAtRest } from '@mock-atlas/domain';
import type { Response } from 'express';
import type { EncryptionAtRest } from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { servedApiOf } from '../http/locals';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, callerOf, param } from './api-chain';

function present(res: Response, ear: EncryptionAtRest): Record<string, unknown> {
  // encryptionAtRest has one v2 version (2023-01-01); v1.0 is the seed's layout.
  return earToRepresentation(ear, servedApiOf(res)?.api === 'v2' ? '2023-01-01' : 'v1.0');
}

/** GET and PATCH /groups/{groupId}/encryptionAtRest (S3). */
export function encryptionAtRestRoutes(router: Router, store: MockStore): void {
  route(router, '/groups/:groupId/encryptionAtRest', {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/encryptionAtRest', store),
      (req, res) => {
        send(res, 200, present(res, store.commit(getEncryptionAtRest(store.state, param(req, 'groupId')))));
      },
    ],
    PATCH: [
      ...atlasOperation('PATCH /groups/{groupId}/encryptionAtRest', store),
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const result = updateEncryptionAtRest(store.state, groupId, req.body ?? {}, store.context(callerOf(res, groupId)));
        send(res, 200, present(res, store.commit(result)));
      },
    ],
  });
}
