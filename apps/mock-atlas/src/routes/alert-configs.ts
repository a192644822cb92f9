import type { Router } from 'express';
import { listAlertConfigs } from '@mock-atlas/domain';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import { presentAlertConfig } from '../present/alert-config';
import { apiRootOf } from '../present/links';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, param } from './api-chain';
import { paginate } from './paginate';

/**
 * GET /groups/{groupId}/alertConfigs (v1.0; v2 2023-01-01; Project Read Only): the alerts
 * Atlas created for the project's keys, the rotation reminder (ear/rotation-alert) and, once
 * a key has gone invalid, `<P>_ENCRYPTION_KEY_INVALID`. Paginated.
 */
export function alertConfigRoutes(router: Router, store: MockStore): void {
  route(router, '/groups/:groupId/alertConfigs', {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/alertConfigs', store),
      (req, res) => {
        const configs = store.commit(listAlertConfigs(store.state, param(req, 'groupId')));
        const apiRoot = apiRootOf(req);
        send(res, 200, paginate(req, configs.map((c) => presentAlertConfig(c, apiRoot))));
      },
    ],
  });
}
