import type { AlertConfig, MockState } from '../../state/mock-state';
import { accepted, notFound, refused, type OperationResult } from '../result';

/** GET /groups/{groupId}/alertConfigs: the project's alert configs (rotation, invalid key), oldest first. */
export function listAlertConfigs(state: MockState, groupId: string): OperationResult<readonly AlertConfig[]> {
  if (!state.projects[groupId]) return refused([notFound.group(groupId)]);
  return accepted(
    state,
    state.alertConfigs.filter((a) => a.groupId === groupId),
  );
}
