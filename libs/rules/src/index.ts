// The rule catalog. Every rule is registered here under its id; the registry's keys are
// the RuleId type, so a typo in a test or a config fails to compile. Order matters: the
// mock answers with the first error, so cheaper, more fundamental rules come first.
import type { AnyRule } from './define-rule';
import earProviderFieldsComplete from './ear/provider-fields-complete';
import earValidIsReadOnly from './ear/valid-is-read-only';
import earKeyValidToChange from './ear/key-valid-to-change';
import earDisableInUse from './ear/disable-in-use';
import earCredentialsAndKeyValid from './ear/credentials-and-key-valid';
import kmsKeyRotationAge from './kms/key-rotation-age';
import clusterEarRequiresProjectOwner from './cluster/ear-requires-project-owner';
import clusterEarDedicatedTier from './cluster/ear-dedicated-tier';
import clusterEarNoMultiCloud from './cluster/ear-no-multi-cloud';
import clusterEarProviderEnabled from './cluster/ear-provider-enabled';
import clusterEarProviderValid from './cluster/ear-provider-valid';
import clusterDisabledAcceptsUpdates from './cluster/disabled-accepts-updates';
import backupNoLegacyWithCmk from './backup/no-legacy-with-cmk';
import backupConflictingOptions from './backup/conflicting-options';
import backupScheduleValid from './backup/schedule-valid';
import restoreRequiredFields from './restore/required-fields';
import restoreTargetAvailable from './restore/target-available';
import restoreNoDownloadWithCmk from './restore/no-download-with-cmk';
import restoreKeyValid from './restore/key-valid';
import restoreTargetEncryptionMatches from './restore/target-encryption-matches';
import securityNoPlaintextSecrets from './security/no-plaintext-secrets';
import configReferencesResolve from './config/references-resolve';

export const rules = {
  'ear/provider-fields-complete': earProviderFieldsComplete,
  'ear/valid-is-read-only': earValidIsReadOnly,
  'ear/key-valid-to-change': earKeyValidToChange,
  'ear/disable-in-use': earDisableInUse,
  'ear/credentials-and-key-valid': earCredentialsAndKeyValid,
  'kms/key-rotation-age': kmsKeyRotationAge,
  // Lookups before the rules of a request, as the API makes them (a restore job's cluster and
  // snapshot, a schedule's cluster, a new cluster's name).
  'config/references-resolve': configReferencesResolve,
  'cluster/ear-requires-project-owner': clusterEarRequiresProjectOwner,
  'cluster/ear-dedicated-tier': clusterEarDedicatedTier,
  'cluster/ear-no-multi-cloud': clusterEarNoMultiCloud,
  'cluster/ear-provider-enabled': clusterEarProviderEnabled,
  'cluster/ear-provider-valid': clusterEarProviderValid,
  'cluster/disabled-accepts-updates': clusterDisabledAcceptsUpdates,
  'backup/no-legacy-with-cmk': backupNoLegacyWithCmk,
  'backup/conflicting-options': backupConflictingOptions,
  'backup/schedule-valid': backupScheduleValid,
  'restore/required-fields': restoreRequiredFields,
  'restore/target-available': restoreTargetAvailable,
  'restore/no-download-with-cmk': restoreNoDownloadWithCmk,
  'restore/key-valid': restoreKeyValid,
  'restore/target-encryption-matches': restoreTargetEncryptionMatches,
  'security/no-plaintext-secrets': securityNoPlaintextSecrets,
} satisfies Record<string, AnyRule>;

export type RuleId = keyof typeof rules;

/** Every rule in catalog order. */
export const allRules: readonly AnyRule[] = Object.values(rules);

export * from './context';
export * from './define-rule';
export * from './key-state-code';
export * from './run-rules';
export * from './docs/render-rules-doc';
