import {
  EAR_DOCUMENT,
  KEY_ID_FIELD,
  fieldPath,
  keyIdOf,
  type CloudProvider,
  type Path,
  type RelatedLocation,
} from '@mock-atlas/model';
import { defineRule } from '../define-rule';
import type { CreateRestoreJobOp, RuleContext } from '../context';
import { describeKeyProblem, keyError, keyProblemOf, type KeyProblem } from '../key-state-code';

/** The key a restore needs, where the finding goes, and what explains it. */
interface KeyInUse {
  readonly provider: CloudProvider;
  readonly keyId: string;
  readonly what: string;
  readonly path: Path;
  readonly related: RelatedLocation;
}

/**
 * A snapshot restores with the key that was active when it was taken (S0:90); a
 * point-in-time restore with no snapshot replays oplog encrypted with the source
 * cluster's current key (S0:91).
 */
function keyInUse({ op, project }: RuleContext<CreateRestoreJobOp>): KeyInUse | undefined {
  const { job, snapshot, sourceCluster } = op;
  if (snapshot) {
    const key = snapshot.encryptionKey;
    if (!key) return undefined;
    return {
      provider: key.provider,
      keyId: key.keyId,
      what: `snapshot ${snapshot.id} of cluster ${snapshot.clusterName}`,
      path: fieldPath(job, 'snapshotId'),
      related: { path: fieldPath(snapshot, 'encryptionKey'), message: 'the snapshot was encrypted with this key' },
    };
  }
  if (job.deliveryType !== 'pointInTime' || !sourceCluster) return undefined;
  const provider = sourceCluster.encryptionAtRestProvider;
  if (provider === 'NONE') return undefined;
  const ear = project.encryptionAtRest;
  const keyId = keyIdOf(provider, ear.providers[provider]);
  if (keyId === undefined) return undefined;
  return {
    provider,
    keyId,
    what: `the point-in-time oplog of cluster ${sourceCluster.name}`,
    path: fieldPath(job, 'deliveryType'),
    related: { path: [...fieldPath(ear, EAR_DOCUMENT[provider]), KEY_ID_FIELD[provider]], message: 'the oplog is encrypted with this key' },
  };
}

/**
 * S0:93 "You cannot restore snapshots encrypted with keys that have become invalid." The
 * answer is the (provider, key problem) code that `ear/credentials-and-key-valid` uses:
 * credentials first (without them no key can be reached), then the key's state.
 */
export default defineRule({
  id: 'restore/key-valid',
  severity: 'error',
  scope: ['lint', 'mock'],
  errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
  httpStatus: 400,
  description:
    'A snapshot, or the point-in-time oplog, encrypted with a key that has since become invalid (disabled, pending deletion, deleted, unknown or unreachable) cannot be restored.',
  sources: ['S0:90-93'],
  codeNote:
    'The code varies per provider and key state, as mapped by key-state-code.ts (e.g. AZURE_KEY_VAULT_KEY_NOT_ACTIVE, GOOGLE_CLOUD_KMS_KEY_VERSION_DESTROYED, 404 AWS_CUSTOMER_MASTER_KEY_NOT_FOUND, INVALID_AWS_CREDENTIALS); the AWS disabled-key code is listed as the usual one. No source names a restore-specific code, so this project reuses the configuration codes.',
  appliesTo: ['createRestoreJob'],
  check(ctx) {
    const key = keyInUse(ctx);
    if (!key) return [];
    const problem: KeyProblem | undefined =
      ctx.kms.credentialsValid(key.provider) === false
        ? 'BAD_CREDENTIALS'
        : keyProblemOf(ctx.kms.keys, ctx.kms.unseenKeys, key.provider, key.keyId);
    if (!problem) return [];
    return [
      {
        path: key.path,
        message: `Cannot restore ${key.what}: ${describeKeyProblem(key.provider, key.keyId, problem)}; restore access to the key it was encrypted with first.`,
        parameters: [key.keyId],
        related: [key.related],
        ...keyError(key.provider, problem),
      },
    ];
  },
});
