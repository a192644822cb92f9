import type { Project } from '@mock-atlas/model';
import type { MockState } from '../state/mock-state';
import { accepted, notFound, refused, type OperationResult } from './result';

/** GET /groups/{groupId}. */
export function getProject(state: MockState, groupId: string): OperationResult<Project> {
  const project = state.projects[groupId];
  return project ? accepted(state, project) : refused([notFound.group(groupId)]);
}
