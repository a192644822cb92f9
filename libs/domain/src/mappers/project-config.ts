// A project config file (one project per YAML file) read into the model.
import {
  CLOUD_PROVIDERS,
  EAR_DOCUMENT,
  KEY_STATES,
  SECRET_FIELDS,
  emptyEncryptionAtRest,
  isCloudProvider,
  type BackupSchedule,
  type Cluster,
  type Credential,
  type Finding,
  type KmsKey,
  type Path,
  type ProjectConfigModel,
  type RestoreJob,
  type Snapshot,
} from '@mock-atlas/model';
import { backupScheduleFromRepresentation } from './backup-schedule';
import { clusterFromAnyLayout } from './cluster-layout';
import { secretResolver, type SecretResolver } from './env-secrets';
import { deterministicObjectId } from './ids';
import { asArray, asOneOf, asRecord, asString, type Body } from './read';
import { restoreJobFromRequest } from './restore-job';
import { snapshotFromConfig } from './snapshot';

/** How projectConfigToModel treats `${env:NAME}` secrets. */
export interface ProjectConfigOptions {
  /** The environment `${env:NAME}` references are resolved against. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Replace `${env:NAME}` in secret-bearing fields (the mock does; the linter does not). */
  readonly resolveSecrets?: boolean;
}

/** The model of a config file and what went wrong while loading it. */
export interface ProjectConfigResult {
  readonly model: ProjectConfigModel;
  /** Loading problems (an unset environment variable), as findings with Atlas codes. */
  readonly problems: Finding[];
}

/** The config's list under `key`, each object entry with its index (non-objects are skipped, keeping indexes). */
function entries(config: Body, key: string): [Body, number][] {
  return (asArray(config[key]) ?? []).flatMap((item, i): [Body, number][] => {
    const entry = asRecord(item);
    return entry ? [[entry, i]] : [];
  });
}

function credentialsOf(config: Body, resolver: SecretResolver): Credential[] {
  const kinds = [
    { key: 'apiKeys', kind: 'apiKey', idField: 'publicKey', secretField: 'privateKey' },
    { key: 'serviceAccounts', kind: 'serviceAccount', idField: 'clientId', secretField: 'clientSecret' },
  ] as const;
  return kinds.flatMap(({ key, kind, idField, secretField }) =>
    entries(config, key).map(([entry, i]): Credential => {
      const base: Path = [key, i];
      const secret = asString(entry[secretField]) ?? '';
      return {
        kind,
        id: asString(entry[idField]) ?? '',
        secret: resolver.resolve(secret, [...base, secretField]),
        roles: (asArray(entry['roles']) ?? []).flatMap((r) => (typeof r === 'string' ? [r] : [])),
        src: { base, fields: { id: [idField], secret: [secretField] } },
      };
    }),
  );
}

/**
 * A KMS key entry. The state defaults to ENABLED, as the lenient mock registers a key it
 * has never seen; an entry without a known provider or a key id is skipped (the schema
 * reports it).
 */
function kmsKeysOf(config: Body): KmsKey[] {
  const list = asArray(asRecord(config['kms'])?.['keys']) ?? [];
  return list.flatMap((item, i): KmsKey[] => {
    const entry = asRecord(item);
    const provider = entry?.['provider'];
    const keyId = asString(entry?.['keyId']);
    if (!entry || !isCloudProvider(provider) || keyId === undefined) return [];
    const createdAt = asString(entry['createdAt']);
    return [
      {
        provider,
        keyId,
        state: asOneOf(entry['state'], KEY_STATES) ?? 'ENABLED',
        ...(createdAt === undefined ? {} : { createdAt }),
        src: { base: ['kms', 'keys', i] },
      },
    ];
  });
}

/** The encryptionAtRest document as written, with secret references resolved when asked. */
function earRequestOf(config: Body, resolver: SecretResolver): Record<string, unknown> {
  const written = asRecord(config['encryptionAtRest']) ?? {};
  const request: Record<string, unknown> = { ...written };
  for (const provider of CLOUD_PROVIDERS) {
    const name = EAR_DOCUMENT[provider];
    const doc = asRecord(written[name]);
    if (!doc) continue;
    const resolved: Record<string, unknown> = { ...doc };
    for (const field of SECRET_FIELDS[provider]) {
      const value = doc[field];
      if (typeof value === 'string') resolved[field] = resolver.resolve(value, ['encryptionAtRest', name, field]);
    }
    request[name] = resolved;
  }
  return request;
}

/** Entries that belong to a cluster name the config spells `cluster`. */
function clusterNameOf(entry: Body): string {
  return asString(entry['cluster']) ?? '';
}

/**
 * A project config read into the model: the project (id from the file, or derived from
 * the name so that reloading keeps it), its clusters in either layout, snapshot and
 * restore fixtures, backup schedules and credentials, and the simulated KMS. The project's
 * Encryption at Rest starts empty (src base ['encryptionAtRest']) and the file's document
 * is returned as `encryptionAtRestRequest`, for the replay to apply through the rules as
 * the PATCH it stands for. With `resolveSecrets`, `${env:NAME}` secrets are replaced from
 * `env`; an unset variable is a `config/env-unset` problem and the reference stays as
 * written.
 * @example projectConfigToModel(yaml.parse(text), { resolveSecrets: true, env: process.env }).model.project.id
 */
export function projectConfigToModel(config: Readonly<Record<string, unknown>>, options: ProjectConfigOptions = {}): ProjectConfigResult {
  const resolver = secretResolver(options.env ?? {}, options.resolveSecrets === true);
  const projectDoc = asRecord(config['project']) ?? {};
  const name = asString(projectDoc['name']) ?? '';
  const orgId = asString(projectDoc['orgId']);

  const clusters: Cluster[] = entries(config, 'clusters').map(([entry, i]) => clusterFromAnyLayout(entry, ['clusters', i]));
  const snapshots: Snapshot[] = entries(config, 'snapshots').map(([entry, i]) => snapshotFromConfig(entry, ['snapshots', i]));
  const restoreJobs: RestoreJob[] = entries(config, 'restoreJobs').map(([entry, i]) => ({
    ...restoreJobFromRequest(entry, clusterNameOf(entry), ['restoreJobs', i]),
    src: { base: ['restoreJobs', i], fields: { clusterName: ['cluster'] } },
  }));
  const backupSchedules: BackupSchedule[] = entries(config, 'backupSchedules').map(([entry, i]) => ({
    ...backupScheduleFromRepresentation(entry, clusterNameOf(entry), ['backupSchedules', i]),
    src: { base: ['backupSchedules', i], fields: { clusterName: ['cluster'] } },
  }));
  const credentials = credentialsOf(config, resolver);
  const encryptionAtRestRequest = earRequestOf(config, resolver);

  const model: ProjectConfigModel = {
    project: {
      id: asString(projectDoc['id']) ?? deterministicObjectId(name),
      name,
      ...(orgId === undefined ? {} : { orgId }),
      encryptionAtRest: { ...emptyEncryptionAtRest(), src: { base: ['encryptionAtRest'] } },
      clusters,
      snapshots,
      restoreJobs,
      backupSchedules,
      credentials,
      src: { base: [], fields: { id: ['project', 'id'], name: ['project', 'name'] } },
    },
    kms: { keys: kmsKeysOf(config) },
    encryptionAtRestRequest,
  };
  return { model, problems: resolver.problems };
}
