import type { Router } from 'express';
import { deleteSnapshot, getSnapshot, listSnapshots, takeSnapshot, updateSnapshotRetention } from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import { apiRootOf } from '../present/links';
import { presentSnapshot, snapshotPresenter } from '../present/snapshot';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, callerOf, param } from './api-chain';
import { paginate } from './paginate';

const SNAPSHOTS = '/groups/:groupId/clusters/:clusterName/backup/snapshots';

/** Cloud Backup snapshots of a cluster: list, take on demand (200), get, change retention, delete (204). */
export function snapshotRoutes(router: Router, store: MockStore): void {
  route(router, SNAPSHOTS, {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/clusters/{clusterName}/backup/snapshots', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const { cluster, snapshots } = store.commit(listSnapshots(store.state, groupId, param(req, 'clusterName')));
        const apiRoot = apiRootOf(req);
        send(res, 200, paginate(req, snapshots.map(snapshotPresenter(cluster, groupId, apiRoot))));
      },
    ],
    POST: [
      ...atlasOperation('POST /groups/{groupId}/clusters/{clusterName}/backup/snapshots', store),
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const result = takeSnapshot(store.state, groupId, param(req, 'clusterName'), req.body ?? {}, store.context(callerOf(res, groupId)));
        const { cluster, snapshot } = store.commit(result);
        send(res, 200, presentSnapshot(snapshot, cluster, groupId, apiRootOf(req)));
      },
    ],
  });

  route(router, `${SNAPSHOTS}/:snapshotId`, {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const { cluster, snapshot } = store.commit(getSnapshot(store.state, groupId, param(req, 'clusterName'), param(req, 'snapshotId')));
        send(res, 200, presentSnapshot(snapshot, cluster, groupId, apiRootOf(req)));
      },
    ],
    PATCH: [
      ...atlasOperation('PATCH /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}', store),
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const context = store.context(callerOf(res, groupId));
        const result = updateSnapshotRetention(store.state, groupId, param(req, 'clusterName'), param(req, 'snapshotId'), req.body ?? {}, context);
        const { cluster, snapshot } = store.commit(result);
        send(res, 200, presentSnapshot(snapshot, cluster, groupId, apiRootOf(req)));
      },
    ],
    DELETE: [
      ...atlasOperation('DELETE /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const context = store.context(callerOf(res, groupId));
        store.commit(deleteSnapshot(store.state, groupId, param(req, 'clusterName'), param(req, 'snapshotId'), context));
        // README §9: 204 with the versioned Content-Type and no body.
        send(res, 204);
      },
    ],
  });
}
