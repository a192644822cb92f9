import type { Request, RequestHandler, Response, Router } from 'express';
import { AtlasError, OPERATION_VERSIONS, type OperationKey } from '@mock-atlas/atlas-http';
import { createCluster, deleteCluster, getCluster, listClusters, updateCluster, type Cluster, type ClusterLayout } from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { servedApiOf } from '../http/locals';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import { apiRootOf } from '../present/links';
import { presentCluster } from '../present/cluster';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, callerOf, param } from './api-chain';
import { paginate } from './paginate';

const LIST: OperationKey = 'GET /groups/{groupId}/clusters';
const CREATE: OperationKey = 'POST /groups/{groupId}/clusters';
const GET: OperationKey = 'GET /groups/{groupId}/clusters/{clusterName}';
const UPDATE: OperationKey = 'PATCH /groups/{groupId}/clusters/{clusterName}';
const DELETE: OperationKey = 'DELETE /groups/{groupId}/clusters/{clusterName}';

/** The version whose `AdvancedClusterDescription` layout the mock does not model. */
const ADVANCED_CLUSTER_VERSION = '2023-02-01';

/**
 * The cluster layout of the negotiated version: v1.0 and v2 2023-01-01 are `legacy`,
 * 2024-08-05 and 2024-10-23 are `20240805`. 2023-02-01 (`AdvancedClusterDescription`) is not
 * modelled: rather than answer in a layout the client did not ask for, the mock answers 406
 * INVALID_VERSION_DATE saying so (a client sending one date to every endpoint, such as the
 * SDK's 2025-03-12, is served 2024-08-05 or 2024-10-23 and never meets this).
 */
export function servedClusterLayout(res: Response): ClusterLayout {
  const served = servedApiOf(res);
  if (served?.api !== 'v2' || served.date < ADVANCED_CLUSTER_VERSION) return 'legacy';
  if (served.date === ADVANCED_CLUSTER_VERSION) {
    throw new AtlasError('INVALID_VERSION_DATE', [], {
      detail: `mock-atlas does not serve version ${ADVANCED_CLUSTER_VERSION} (AdvancedClusterDescription) of the cluster resources; send Accept: application/vnd.atlas.2024-08-05+json or later (or 2023-01-01).`,
    });
  }
  return '20240805';
}

/** Refuses an unmodelled version before the body is read. */
const requireClusterLayout: RequestHandler = (_req, res, next) => {
  servedClusterLayout(res);
  next();
};

function present(req: Request, res: Response, cluster: Cluster): Record<string, unknown> {
  return presentCluster(cluster, { groupId: param(req, 'groupId'), apiRoot: apiRootOf(req), layout: servedClusterLayout(res) });
}

/** `?retainBackups=`: absent or `false` is false, `true` is true, anything else is 400. */
function retainBackupsOf(req: Request): boolean {
  const raw = req.query['retainBackups'];
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new AtlasError('INVALID_QUERY_PARAMETER', ['retainBackups']);
}

const status = (key: OperationKey): number => OPERATION_VERSIONS[key].successStatus;

/**
 * The cluster resources under both /api/atlas/v1.0 and /api/atlas/v2: list (paginated),
 * create (201), get, update and delete (202). DELETE answers `{}` on v2, as recorded
 * (README §9), and no body on v1.0, whose documentation gives none.
 */
export function clusterRoutes(router: Router, store: MockStore): void {
  route(router, '/groups/:groupId/clusters', {
    GET: [
      ...atlasOperation(LIST, store),
      requireClusterLayout,
      (req, res) => {
        const clusters = store.commit(listClusters(store.state, param(req, 'groupId')));
        send(res, status(LIST), paginate(req, clusters.map((c) => present(req, res, c))));
      },
    ],
    POST: [
      ...atlasOperation(CREATE, store),
      requireClusterLayout,
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const result = createCluster(store.state, groupId, req.body ?? {}, servedClusterLayout(res), store.context(callerOf(res, groupId)));
        send(res, status(CREATE), present(req, res, store.commit(result)));
      },
    ],
  });

  route(router, '/groups/:groupId/clusters/:clusterName', {
    GET: [
      ...atlasOperation(GET, store),
      requireClusterLayout,
      (req, res) => {
        const cluster = store.commit(getCluster(store.state, param(req, 'groupId'), param(req, 'clusterName')));
        send(res, status(GET), present(req, res, cluster));
      },
    ],
    PATCH: [
      ...atlasOperation(UPDATE, store),
      requireClusterLayout,
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const ctx = store.context(callerOf(res, groupId));
        const result = updateCluster(store.state, groupId, param(req, 'clusterName'), req.body ?? {}, servedClusterLayout(res), ctx);
        send(res, status(UPDATE), present(req, res, store.commit(result)));
      },
    ],
    DELETE: [
      ...atlasOperation(DELETE, store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const options = { retainBackups: retainBackupsOf(req) };
        store.commit(deleteCluster(store.state, groupId, param(req, 'clusterName'), options, store.context(callerOf(res, groupId))));
        send(res, status(DELETE), servedApiOf(res)?.api === 'v2' ? {} : undefined);
      },
    ],
  });
}
