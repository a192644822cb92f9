import { EAR_DOCUMENT, basePath, fieldPath, type RelatedLocation } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * S0:63-65: a cluster disabled by an invalid key keeps its data, but "you can't read or
 * write data on disabled clusters", so a snapshot of it is refused. The other half of
 * S0:65, "you can submit updates to disabled clusters", is domain behaviour, not this
 * check: updates are accepted and held as pending until the key is valid again. Being a
 * restore target is refused by `restore/target-available`.
 */
export default defineRule({
  id: 'cluster/disabled-accepts-updates',
  severity: 'error',
  scope: ['mock'],
  errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
  httpStatus: 409,
  description:
    'A cluster disabled by an invalid key accepts configuration updates (held as pending by the domain, applied when the key is valid again) but refuses data operations such as taking a snapshot.',
  sources: ['S0:63-65'],
  codeNote:
    'No source names the code for a snapshot of a disabled cluster; the cause is invalid Encryption at Rest settings, and 409 says the request conflicts with the cluster\'s state.',
  appliesTo: ['takeSnapshot'],
  check({ op, project }) {
    const cluster = op.cluster;
    if (!cluster.disabled) return [];
    const provider = cluster.encryptionAtRestProvider;
    const related: RelatedLocation[] | undefined =
      provider === 'NONE'
        ? undefined
        : [{ path: fieldPath(project.encryptionAtRest, EAR_DOCUMENT[provider]), message: 'restore access to this key to re-enable the cluster' }];
    return [
      {
        path: basePath(cluster),
        message: `Cluster ${cluster.name} is disabled because its Encryption at Rest settings are invalid (since ${cluster.disabled.since}); no snapshot can be taken until the key is valid again.`,
        parameters: [cluster.name],
        ...(related ? { related } : {}),
      },
    ];
  },
});
