import { EAR_DOCUMENT, KMS_DISPLAY_NAME, fieldPath } from '@mock-atlas/model';
import { defineRule } from '../define-rule';

/**
 * S0:21 "Encryption at Rest using Key Management requires valid key management provider
 * credentials and an encryption key." A cluster may not newly turn customer key management
 * on while the project's provider is enabled but failed its last validity check. Clusters
 * that already use the provider are left alone: the validity check disables them instead
 * (S0:63). A provider that is not enabled at all is `cluster/ear-provider-enabled`'s case.
 */
export default defineRule({
  id: 'cluster/ear-provider-valid',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'ENCRYPTION_AT_REST_SETTINGS_INVALID',
  httpStatus: 400,
  description: "A cluster may not newly turn customer key management on while the project's provider configuration is invalid.",
  sources: ['S0:21'],
  appliesTo: ['createCluster', 'updateCluster'],
  check({ op, project }) {
    const cluster = op.cluster;
    const provider = cluster.encryptionAtRestProvider;
    if (provider === 'NONE') return [];
    const turningOn =
      op.kind === 'createCluster' ||
      (op.changed.includes('encryptionAtRestProvider') && op.before.encryptionAtRestProvider !== provider);
    if (!turningOn) return [];
    const ear = project.encryptionAtRest;
    const state = ear.providers[provider];
    if (!state.enabled || state.valid) return [];
    return [
      {
        path: fieldPath(cluster, 'encryptionAtRestProvider'),
        message: `Cluster ${cluster.name} cannot turn on Encryption at Rest using ${KMS_DISPLAY_NAME[provider]}: the project's ${KMS_DISPLAY_NAME[provider]} credentials or key are invalid; fix them and validate again.`,
        parameters: [provider],
        related: [{ path: fieldPath(ear, EAR_DOCUMENT[provider]), message: `${KMS_DISPLAY_NAME[provider]} failed its last validity check` }],
      },
    ];
  },
});
