import type { OperationKey } from '@mock-atlas/atlas-http';
import { AtlasError } from '@mock-atlas/atlas-http';
import type { RequestHandler } from 'express';
import type { Caller } from '@mock-atlas/rules';
import { effectiveRolesIn } from '../http/auth/authorize';
import { requireRoles } from '../http/auth/authorize';
import { principalOf } from '../http/locals';
import { negotiate } from '../http/versioning';
import type { MockStore } from '../server/mock-store';

const OBJECT_ID = /^[a-f0-9]{24}$/;

/** 404 INVALID_GROUP_ID for a group id that is not 24 hex digits (D), before any lookup. */
export const checkGroupId: RequestHandler = (req, _res, next) => {
  const groupId = req.params.groupId;
  if (typeof groupId === 'string' && !OBJECT_ID.test(groupId)) next(new AtlasError('INVALID_GROUP_ID', [groupId]));
  else next();
};

/** What every Atlas operation runs before its handler: path checks, version negotiation, roles. */
export function atlasOperation(operation: OperationKey, store: MockStore): RequestHandler[] {
  return [checkGroupId, negotiate(operation, { clock: store.clock }), requireRoles(operation)];
}

/** The caller as the rules see it: the roles it holds in the path's project. */
export function callerOf(res: Parameters<RequestHandler>[1], groupId: string): Caller | undefined {
  const principal = principalOf(res);
  return principal ? { roles: [...effectiveRolesIn(principal, groupId)] } : undefined;
}

/** The path parameter as a string (Express 5 types them loosely). */
export function param(req: Parameters<RequestHandler>[0], name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}
