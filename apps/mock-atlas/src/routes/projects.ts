import type { Router } from 'express';
import { getProject } from '@mock-atlas/domain';
import { route } from '../http/not-found';
import { send } from '../http/respond';
import { grantsIn } from '../http/auth/authorize';
import { principalOf } from '../http/locals';
import { negotiate } from '../http/versioning';
import { apiRootOf } from '../present/links';
import { presentProject } from '../present/project';
import type { MockStore } from '../server/mock-store';
import { atlasOperation, param } from './api-chain';
import { paginate } from './paginate';

/** GET /groups and GET /groups/{groupId}. */
export function projectRoutes(router: Router, store: MockStore): void {
  route(router, '/groups', {
    GET: [
      // Atlas lists the projects the caller can see (the role it needs is an
      // organisation role the mock does not model), so the list is filtered by grants.
      negotiate('GET /groups', { clock: store.clock }),
      (req, res) => {
        const principal = principalOf(res);
        const visible = Object.values(store.state.projects).filter((p) => principal && grantsIn(principal, p.id).length > 0);
        send(res, 200, paginate(req, visible.map((p) => presentProject(p, apiRootOf(req)))));
      },
    ],
  });
  route(router, '/groups/:groupId', {
    GET: [
      ...atlasOperation('GET /groups/{groupId}', store),
      (req, res) => {
        const project = store.commit(getProject(store.state, param(req, 'groupId')));
        send(res, 200, presentProject(project, apiRootOf(req)));
      },
    ],
  });
}
