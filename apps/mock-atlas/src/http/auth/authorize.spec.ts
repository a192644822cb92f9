import { OPERATION_VERSIONS, type OperationKey } from '@mock-atlas/atlas-http';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { atlasErrors } from '../errors';
import { setPrincipal } from '../locals';
import { effectiveRolesIn, grantsIn, requireRoles } from './authorize';
import type { Grant, Principal } from './credential-store';

const G1 = '5e2211c17a3e5a48f5497de3';
const G2 = '6a793f7fc0eb9e7a17716153';

/** An app serving one operation at its v2 path, with the principal injected in place of authentication. */
function appFor(op: OperationKey, grants: readonly Grant[] | undefined) {
  const a = express();
  const { method, path } = OPERATION_VERSIONS[op];
  const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
  a.use((_req, res, next) => {
    if (grants) setPrincipal(res, { kind: 'apiKey', id: 'k', grants });
    next();
  });
  a[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](expressPath, requireRoles(op), (_req, res) => {
    res.json({ ok: true });
  });
  a.use(atlasErrors());
  return { app: a, method: method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete', url: path.replace('{groupId}', G1).replace(/\{\w+\}/g, 'x') };
}

async function call(op: OperationKey, grants: readonly Grant[] | undefined): Promise<request.Response> {
  const { app, method, url } = appFor(op, grants);
  return request(app)[method](url);
}

const USER_UNAUTHORIZED = {
  detail: 'Current user is not authorized to perform this action.',
  error: 401,
  errorCode: 'USER_UNAUTHORIZED',
  parameters: [],
  reason: 'Unauthorized',
};

describe('requireRoles (README §5.4: too little role is 401 USER_UNAUTHORIZED)', () => {
  it('spec: GET encryptionAtRest needs Project Read Only; PATCH needs Project Owner', async () => {
    expect((await call('GET /groups/{groupId}/encryptionAtRest', [{ role: 'GROUP_READ_ONLY', groupId: G1 }])).status).toBe(200);
    const refused = await call('PATCH /groups/{groupId}/encryptionAtRest', [{ role: 'GROUP_READ_ONLY', groupId: G1 }]);
    expect(refused.status).toBe(401);
    expect(refused.headers['x-error-code']).toBe('USER_UNAUTHORIZED');
    expect(refused.body).toEqual(USER_UNAUTHORIZED);
    expect((await call('PATCH /groups/{groupId}/encryptionAtRest', [{ role: 'GROUP_OWNER', groupId: G1 }])).status).toBe(200);
  });

  it('a role in another project does not count; a role without a project counts everywhere', async () => {
    expect((await call('GET /groups/{groupId}/encryptionAtRest', [{ role: 'GROUP_OWNER', groupId: G2 }])).status).toBe(401);
    expect((await call('GET /groups/{groupId}/encryptionAtRest', [{ role: 'GROUP_READ_ONLY' }])).status).toBe(200);
  });

  it('issue 3 §4: the organization owner may do everything, in every project', async () => {
    for (const op of Object.keys(OPERATION_VERSIONS) as OperationKey[]) {
      expect((await call(op, [{ role: 'ORG_OWNER' }])).status, op).toBe(200);
    }
  });

  it('every operation: each listed role suffices; a principal with no role in the project is refused', async () => {
    for (const op of Object.keys(OPERATION_VERSIONS) as OperationKey[]) {
      for (const role of OPERATION_VERSIONS[op].roleIds) {
        expect((await call(op, [{ role, groupId: G1 }])).status, `${op} as ${role}`).toBe(200);
      }
      expect((await call(op, [{ role: 'ORG_MEMBER' }])).status, `${op} as ORG_MEMBER`).toBe(401);
      expect((await call(op, [])).status, `${op} with no grants`).toBe(401);
    }
  });

  it('Project Read Only is enough only where the spec asks for Project Read Only', async () => {
    for (const op of Object.keys(OPERATION_VERSIONS) as OperationKey[]) {
      if (op === 'GET /groups') continue;
      const readOnlyEnough = (OPERATION_VERSIONS[op].roleIds as readonly string[]).includes('GROUP_READ_ONLY');
      expect((await call(op, [{ role: 'GROUP_READ_ONLY', groupId: G1 }])).status, op).toBe(readOnlyEnough ? 200 : 401);
    }
  });

  it('hierarchy: the Backup Manager may start a restore (Export/Recovery Operator); the Cluster Manager may not create a cluster', async () => {
    expect((await call('POST /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs', [{ role: 'GROUP_BACKUP_MANAGER', groupId: G1 }])).status).toBe(200);
    expect((await call('POST /groups/{groupId}/clusters', [{ role: 'GROUP_CLUSTER_MANAGER', groupId: G1 }])).status).toBe(401);
  });

  it('running before authentication is a programming error: 500', async () => {
    expect((await call('GET /groups/{groupId}/encryptionAtRest', undefined)).status).toBe(500);
  });
});

describe('grantsIn and effectiveRolesIn', () => {
  const principal: Principal = {
    kind: 'serviceAccount',
    id: 'sa',
    grants: [
      { role: 'GROUP_CLUSTER_MANAGER', groupId: G1 },
      { role: 'GROUP_BACKUP_MANAGER', groupId: G2 },
      { role: 'ORG_READ_ONLY' },
    ],
  };

  it('keeps the grants of the project and the organization-wide ones', () => {
    expect(grantsIn(principal, G1).map((g) => g.role)).toEqual(['GROUP_CLUSTER_MANAGER', 'ORG_READ_ONLY']);
    expect(grantsIn(principal, undefined)).toHaveLength(3);
  });

  it('applies the hierarchy (for rules that read the caller’s roles)', () => {
    const roles = effectiveRolesIn(principal, G1);
    expect(roles.has('GROUP_REPLICA_SET_MANAGER')).toBe(true);
    expect(roles.has('GROUP_READ_ONLY')).toBe(true);
    expect(roles.has('GROUP_BACKUP_MANAGER')).toBe(false);
    expect(roles.has('GROUP_OWNER')).toBe(false);
  });

  it('answers each project with its own roles, however often and in whatever order it is asked', () => {
    for (let i = 0; i < 300; i += 1) {
      const other = `${i.toString(16).padStart(24, '0')}`;
      expect(effectiveRolesIn(principal, other).has('GROUP_CLUSTER_MANAGER')).toBe(false);
      expect(effectiveRolesIn(principal, G1).has('GROUP_CLUSTER_MANAGER')).toBe(true);
      expect(effectiveRolesIn(principal, G2).has('GROUP_BACKUP_MANAGER')).toBe(true);
      expect(effectiveRolesIn(principal, G2).has('GROUP_CLUSTER_MANAGER')).toBe(false);
    }
  });

  it('sees changed grants at once (the state hands out a new grants array)', () => {
    expect(effectiveRolesIn(principal, G1).has('GROUP_OWNER')).toBe(false);
    const promoted: Principal = { ...principal, grants: [...principal.grants, { role: 'GROUP_OWNER', groupId: G1 }] };
    expect(effectiveRolesIn(promoted, G1).has('GROUP_OWNER')).toBe(true);
    expect(effectiveRolesIn(principal, G1).has('GROUP_OWNER')).toBe(false);
  });
});
