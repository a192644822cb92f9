import type { Request, Response, Router } from 'express';
import { deleteBackupSchedule, getBackupSchedule, updateBackupSchedule, type ScheduleView } from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { servedApiOf } from '../http/locals';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import { presentBackupSchedule } from '../present/backup-schedule';
import { apiRootOf } from '../present/links';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, callerOf, param } from './api-chain';

function reply(req: Request, res: Response, view: ScheduleView): void {
  send(res, 200, presentBackupSchedule(view, param(req, 'groupId'), apiRootOf(req), servedApiOf(res)));
}

/** A cluster's Cloud Backup schedule: get, update, delete (200 with the emptied schedule, README §2). */
export function backupScheduleRoutes(router: Router, store: MockStore): void {
  route(router, '/groups/:groupId/clusters/:clusterName/backup/schedule', {
    GET: [
      ...atlasOperation('GET /groups/{groupId}/clusters/{clusterName}/backup/schedule', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        reply(req, res, store.commit(getBackupSchedule(store.state, groupId, param(req, 'clusterName'), store.context(callerOf(res, groupId)))));
      },
    ],
    PATCH: [
      ...atlasOperation('PATCH /groups/{groupId}/clusters/{clusterName}/backup/schedule', store),
      jsonBody(),
      (req, res) => {
        const groupId = param(req, 'groupId');
        const result = updateBackupSchedule(store.state, groupId, param(req, 'clusterName'), req.body ?? {}, store.context(callerOf(res, groupId)));
        reply(req, res, store.commit(result));
      },
    ],
    DELETE: [
      ...atlasOperation('DELETE /groups/{groupId}/clusters/{clusterName}/backup/schedule', store),
      (req, res) => {
        const groupId = param(req, 'groupId');
        reply(req, res, store.commit(deleteBackupSchedule(store.state, groupId, param(req, 'clusterName'), store.context(callerOf(res, groupId)))));
      },
    ],
  });
}
