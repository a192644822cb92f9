import type { Router } from 'express';
import { cancelRestoreJob, createRestoreJob, getRestoreJob, listRestoreJobs } from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import { apiRootOf } from '../present/links';
import { presentRestoreJob } from '../present/restore-job';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, callerOf, param } from './api-chain';
import { paginate } from './paginate';

const RESTORE_JOBS = '/groups/:groupId/clusters/:clusterName/backup/restoreJobs';

/** Restore jobs of a cluster's snapshots: list, create (200), get, cancel (204). */
export function restoreJobRoutes(router: Router, store: MockStore): void {
  route(router, RESTORE_JOBS, {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const jobs = store.commit(listRestoreJobs(store.state, groupId, param(req, 'clusterName')));
        const apiRoot = apiRootOf(req);
        send(res, 200, paginate(req, jobs.map((view) => presentRestoreJob(view, groupId, apiRoot))));
      },
    ],
    POST: [
      ...atlasOperation('POST /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs', store),
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const result = createRestoreJob(store.state, groupId, param(req, 'clusterName'), req.body ?? {}, store.context(callerOf(res, groupId)));
        send(res, 200, presentRestoreJob(store.commit(result), groupId, apiRootOf(req)));
      },
    ],
  });

  route(router, `${RESTORE_JOBS}/:restoreJobId`, {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const view = store.commit(getRestoreJob(store.state, groupId, param(req, 'clusterName'), param(req, 'restoreJobId')));
        send(res, 200, presentRestoreJob(view, groupId, apiRootOf(req)));
      },
    ],
    DELETE: [
      ...atlasOperation('DELETE /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const context = store.context(callerOf(res, groupId));
        store.commit(cancelRestoreJob(store.state, groupId, param(req, 'clusterName'), param(req, 'restoreJobId'), context));
        send(res, 204);
      },
    ],
  });
}
