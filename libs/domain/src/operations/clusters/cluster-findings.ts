// Cluster refusals that no rule of the catalog makes: lookups, names, lifecycle states and
// roles. Each carries the Atlas errorCode, status and parameters of the catalogue entry
// (libs/atlas-http error-catalogue.ts), so the store turns it into the Atlas error body.
import type { Finding } from '@mock-atlas/model';

function refusal(ruleId: string, errorCode: string, httpStatus: number, message: string, parameters: readonly unknown[], path: Finding['path'] = []): Finding {
  return { ruleId, severity: 'error', errorCode, httpStatus, message, path, parameters };
}

/** Findings of the cluster operations, one builder per refusal. */
export const clusterFindings = {
  /** D, README §5.2 and §11.3: a duplicate name is 400, not 409. */
  duplicateName: (name: string, groupId: string): Finding =>
    refusal('api/duplicate-cluster-name', 'DUPLICATE_CLUSTER_NAME', 400, `A cluster named ${name} is already present in group ${groupId}.`, [name, groupId], ['name']),

  /** A region of another cloud than the cluster's: the bad enum value Atlas answers for it (README §5.2). */
  regionOfAnotherCloud: (region: string, provider: string, path: Finding['path']): Finding =>
    refusal('api/region-of-cloud', 'INVALID_ENUM_VALUE', 400, `${region} is not a region of ${provider}, the cloud of this cluster.`, [region], path),

  /** D: a PATCH body whose `name` differs from the path's cluster. */
  cannotChangeName: (name: string): Finding =>
    refusal('api/cluster-name-immutable', 'CLUSTER_CANNOT_CHANGE_NAME', 400, `The name of cluster ${name} cannot be changed.`, [name], ['name']),

  /** D and the spec's PATCH description: a paused cluster only accepts `paused: false`. */
  paused: (name: string): Finding =>
    refusal('api/cluster-paused', 'CANNOT_UPDATE_PAUSED_CLUSTER', 409, `Cannot update cluster ${name} while it is paused or being paused.`, [name], ['paused']),

  /** R: the one parameter is the whole sentence Atlas prints. */
  terminationProtected: (name: string, groupId: string): Finding => {
    const sentence = `Cannot terminate cluster ${name} in group ${groupId} because termination protection is enabled. Disable termination protection and try again.`;
    return refusal('api/termination-protection', 'CANNOT_TERMINATE_CLUSTER_WHEN_TERMINATION_PROTECTION_ENABLED', 400, sentence, [sentence], ['terminationProtectionEnabled']);
  },

  /** D: DELETE (or, in this mock, PATCH) of a cluster that is already being deleted. */
  alreadyDeleting: (name: string): Finding =>
    refusal('api/cluster-deleting', 'CLUSTER_ALREADY_REQUESTED_DELETION', 400, `Cluster ${name} has already been requested for deletion.`, [name]),

  /**
   * The spec's PATCH description: "To update a cluster's termination protection, the
   * requesting Service Account or API Key must have the Project Owner role"; README §11.2:
   * too little role is 401 USER_UNAUTHORIZED.
   */
  terminationProtectionNeedsOwner: (name: string): Finding =>
    refusal(
      'api/termination-protection-owner',
      'USER_UNAUTHORIZED',
      401,
      `Current user is not authorized to perform this action: changing the termination protection of cluster ${name} needs the Project Owner role.`,
      [],
      ['terminationProtectionEnabled'],
    ),
};
