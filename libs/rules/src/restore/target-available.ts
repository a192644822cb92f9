import { basePath, fieldPath } from '@mock-atlas/model';
import { defineRule, type Violation } from '../define-rule';

/**
 * An automated or pointInTime restore writes into its target, so the target must exist
 * (D `CLUSTER_NOT_FOUND`, detail "No cluster named %s exists in group %s."), be running
 * (D `CLUSTER_PAUSED_CANNOT_RESTORE`) and not be disabled by an invalid key: "you can't
 * read or write data on disabled clusters" (S0:65). The code for the disabled case is
 * ours (see codeNote). A target in a project the checker cannot see, or one the config file
 * declares but whose create was refused (already a finding), is not called missing.
 */
export default defineRule({
  id: 'restore/target-available',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'CLUSTER_NOT_FOUND',
  httpStatus: 404,
  description: 'The target cluster of an automated or pointInTime restore must exist and must be neither paused nor disabled.',
  sources: ['S0:65', 'D'],
  codeNote:
    'The code varies: 404 CLUSTER_NOT_FOUND for a missing target, 400 CLUSTER_PAUSED_CANNOT_RESTORE for a paused one (both D), and 409 ENCRYPTION_AT_REST_SETTINGS_INVALID for a disabled one, which no source names: this project chose it to match the other refusals on clusters disabled by an invalid key.',
  appliesTo: ['createRestoreJob'],
  check({ op, project }) {
    const { job, target } = op;
    if (job.deliveryType !== 'automated' && job.deliveryType !== 'pointInTime') return [];
    const name = job.targetClusterName;
    if (name === undefined) return [];
    const path = fieldPath(job, 'targetClusterName');
    if (!target) {
      if (op.targetOutOfView || op.targetRefused) return [];
      const groupId = job.targetGroupId ?? project.id;
      return [{ path, message: `No cluster named ${name} exists in group ${groupId}.`, parameters: [name, groupId] }];
    }
    const found: Violation[] = [];
    if (target.paused) {
      found.push({
        path,
        message: `Cluster ${name} is paused and cannot be the target of a restore; resume it first.`,
        parameters: [name],
        errorCode: 'CLUSTER_PAUSED_CANNOT_RESTORE',
        httpStatus: 400,
        related: [{ path: fieldPath(target, 'paused'), message: 'the target is paused here' }],
      });
    }
    if (target.disabled) {
      found.push({
        path,
        message: `Cluster ${name} is disabled because its Encryption at Rest settings are invalid and cannot be the target of a restore until its key is valid again.`,
        parameters: [name],
        errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
        httpStatus: 409,
        related: [{ path: basePath(target), message: 'the target cluster is disabled' }],
      });
    }
    return found;
  },
});
