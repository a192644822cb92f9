// Generates libs/schemas/src/atlas-enums.ts from the Atlas OpenAPI spec, so that every
// enum, pattern and bound the schemas use is copied from the contract rather than typed
// by hand. The SDK's transformed spec has no enums at all (atlas-openapi/README.md §11.12),
// hence the multi-version file.
//
//   npx tsx tools/schema-build/extract-enums.ts           write the file
//   npx tsx tools/schema-build/extract-enums.ts --check   exit 1 when the committed file is stale
//   options: --spec <openapi.json>  --out <atlas-enums.ts>  --stdout
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** CI clones the repository with `shared/` beside it, as on the development machine. */
export const DEFAULT_SPEC_PATH = resolve(WORKSPACE_ROOT, '../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json');
export const DEFAULT_OUT_PATH = resolve(WORKSPACE_ROOT, 'libs/schemas/src/atlas-enums.ts');

/** One constant of the generated file and where in the spec it comes from. */
export type Extraction =
  /** An `enum` array. When the schema at `pointer` has a `title`, every enum of the spec with that title must agree. */
  | { readonly kind: 'enum'; readonly name: string; readonly typeName?: string; readonly doc: string; readonly pointer: string; readonly sameAs?: readonly string[] }
  /** The values of a `discriminator.mapping`, in the order of the `oneOf` it selects from. */
  | { readonly kind: 'mapping'; readonly name: string; readonly typeName?: string; readonly doc: string; readonly pointer: string }
  /** A `pattern` string. */
  | { readonly kind: 'pattern'; readonly name: string; readonly doc: string; readonly pointer: string; readonly sameAs?: readonly string[] }
  /** Numeric or length bounds of one schema, e.g. `{ minimum, maximum }`. */
  | { readonly kind: 'bounds'; readonly name: string; readonly doc: string; readonly pointer: string; readonly keys: readonly string[] };

const S = '/components/schemas';

export const EXTRACTIONS: readonly Extraction[] = [
  // Regions and instance sizes, per cloud.
  { kind: 'enum', name: 'AWS_REGIONS', typeName: 'AwsRegion', doc: 'AWS regions (EAR key region, cluster regions).', pointer: `${S}/AWSKMSConfiguration/properties/region` },
  { kind: 'enum', name: 'AZURE_REGIONS', typeName: 'AzureRegion', doc: 'Azure regions.', pointer: `${S}/AzureCloudProviderSettings/allOf/1/properties/regionName` },
  { kind: 'enum', name: 'GCP_REGIONS', typeName: 'GcpRegion', doc: 'Google Cloud regions.', pointer: `${S}/CloudGCPProviderSettings/allOf/1/properties/regionName` },
  { kind: 'enum', name: 'AWS_INSTANCE_SIZES', typeName: 'AwsInstanceSize', doc: 'Dedicated instance sizes on AWS.', pointer: `${S}/AWSCloudProviderSettings/allOf/1/properties/instanceSizeName` },
  { kind: 'enum', name: 'AZURE_INSTANCE_SIZES', typeName: 'AzureInstanceSize', doc: 'Dedicated instance sizes on Azure.', pointer: `${S}/AzureCloudProviderSettings/allOf/1/properties/instanceSizeName` },
  { kind: 'enum', name: 'GCP_INSTANCE_SIZES', typeName: 'GcpInstanceSize', doc: 'Dedicated instance sizes on Google Cloud.', pointer: `${S}/CloudGCPProviderSettings/allOf/1/properties/instanceSizeName` },
  { kind: 'enum', name: 'TENANT_INSTANCE_SIZES', typeName: 'TenantInstanceSize', doc: 'Shared (TENANT) instance sizes.', pointer: `${S}/ClusterFreeProviderSettings/allOf/1/properties/instanceSizeName` },
  { kind: 'enum', name: 'FLEX_INSTANCE_SIZES', doc: 'Flex instance sizes (v1.0 / 2023-01-01 layout only).', pointer: `${S}/ClusterFlexProviderSettings/allOf/1/properties/instanceSizeName` },

  // Encryption at rest.
  { kind: 'enum', name: 'AZURE_ENVIRONMENTS', typeName: 'AzureEnvironment', doc: 'Azure clouds a key vault may live in. The spec has no AZURE_GERMANY (the v1 Go client still lists it).', pointer: `${S}/AzureKeyVault/properties/azureEnvironment` },

  // Clusters, both layouts.
  {
    kind: 'enum', name: 'CLUSTER_TYPES', doc: 'Cluster topologies.', pointer: `${S}/LegacyAtlasCluster/properties/clusterType`,
    sameAs: [`${S}/ClusterDescription20240805/properties/clusterType`],
  },
  {
    kind: 'enum', name: 'CLUSTER_STATE_NAMES', doc: 'Cluster lifecycle states (read-only).', pointer: `${S}/LegacyAtlasCluster/properties/stateName`,
    sameAs: [`${S}/ClusterDescription20240805/properties/stateName`],
  },
  {
    kind: 'enum', name: 'ENCRYPTION_AT_REST_PROVIDERS', doc: 'A cluster\'s `encryptionAtRestProvider`.', pointer: `${S}/LegacyAtlasCluster/properties/encryptionAtRestProvider`,
    sameAs: [`${S}/ClusterDescription20240805/properties/encryptionAtRestProvider`],
  },
  { kind: 'mapping', name: 'LEGACY_PROVIDER_NAMES', doc: '`providerSettings.providerName` of the legacy layout.', pointer: `${S}/ClusterProviderSettings` },
  { kind: 'enum', name: 'REGION_CONFIG_PROVIDER_NAMES', doc: '`regionConfigs[].providerName` of the 2024-08-05 layout.', pointer: `${S}/CloudRegionConfig20240805/properties/providerName` },
  {
    kind: 'enum', name: 'BACKING_PROVIDER_NAMES', doc: 'The cloud under a TENANT or FLEX cluster.', pointer: `${S}/ClusterFreeProviderSettings/allOf/1/properties/backingProviderName`,
    sameAs: [`${S}/ClusterFlexProviderSettings/allOf/1/properties/backingProviderName`, `${S}/TenantRegionConfig20240805/allOf/1/properties/backingProviderName`],
  },
  { kind: 'enum', name: 'TENANT_EFFECTIVE_INSTANCE_SIZES', doc: 'Read-only effective size of a tenant cluster.', pointer: `${S}/ClusterFreeProviderSettings/allOf/1/properties/effectiveInstanceSizeName` },
  {
    kind: 'enum', name: 'AWS_VOLUME_TYPES', doc: 'AWS EBS volume types (`volumeType`, `ebsVolumeType`).', pointer: `${S}/AWSCloudProviderSettings/allOf/1/properties/volumeType`,
    sameAs: [`${S}/AWSHardwareSpec20240805/properties/ebsVolumeType`],
  },
  { kind: 'enum', name: 'AZURE_DISK_TYPE_NAMES', doc: 'Azure disk tiers of the legacy layout.', pointer: `${S}/AzureCloudProviderSettings/allOf/1/properties/diskTypeName` },
  { kind: 'enum', name: 'ELECTABLE_NODE_COUNTS', doc: 'Electable nodes per region in the legacy `regionsConfig`.', pointer: `${S}/RegionSpec/properties/electableNodes` },
  { kind: 'enum', name: 'REPLICATION_FACTORS', doc: 'The deprecated legacy `replicationFactor`.', pointer: `${S}/LegacyAtlasCluster/properties/replicationFactor` },
  { kind: 'enum', name: 'VERSION_RELEASE_SYSTEMS', doc: 'How a cluster receives MongoDB versions.', pointer: `${S}/LegacyAtlasCluster/properties/versionReleaseSystem` },
  { kind: 'enum', name: 'ROOT_CERT_TYPES', doc: 'Root certificate authorities.', pointer: `${S}/LegacyAtlasCluster/properties/rootCertType` },
  { kind: 'enum', name: 'CONFIG_SERVER_MANAGEMENT_MODES', doc: 'Config server management of sharded clusters.', pointer: `${S}/LegacyAtlasCluster/properties/configServerManagementMode` },
  { kind: 'enum', name: 'CONFIG_SERVER_TYPES', doc: 'Config server types (read-only).', pointer: `${S}/LegacyAtlasCluster/properties/configServerType` },
  { kind: 'enum', name: 'DISK_WARMING_MODES', doc: 'Disk warming modes.', pointer: `${S}/LegacyAtlasCluster/properties/diskWarmingMode` },
  { kind: 'enum', name: 'REPLICA_SET_SCALING_STRATEGIES', doc: 'Replica set scaling strategies.', pointer: `${S}/LegacyAtlasCluster/properties/replicaSetScalingStrategy` },
  { kind: 'enum', name: 'INTERNAL_CLUSTER_ROLES', doc: 'Internal cluster roles (read-only, 2024-08-05).', pointer: `${S}/ClusterDescription20240805/properties/internalClusterRole` },
  { kind: 'enum', name: 'ADAPTIVE_CAPACITY_MODES', doc: 'Adaptive capacity (2024-08-05; nullable).', pointer: `${S}/ClusterDescription20240805/properties/adaptiveCapacity` },
  { kind: 'enum', name: 'BI_CONNECTOR_READ_PREFERENCES', doc: 'BI Connector read preferences.', pointer: `${S}/BiConnector/properties/readPreference` },
  { kind: 'enum', name: 'EMPLOYEE_ACCESS_GRANT_TYPES', doc: 'MongoDB employee access grant types.', pointer: `${S}/EmployeeAccessGrantView/properties/grantType` },
  { kind: 'enum', name: 'TLS12_CIPHERS', doc: 'Custom TLS 1.2 cipher suites.', pointer: `${S}/ApiAtlasClusterAdvancedConfigurationView/properties/customOpensslCipherConfigTls12/items` },
  { kind: 'enum', name: 'TLS13_CIPHERS', doc: 'Custom TLS 1.3 cipher suites.', pointer: `${S}/ApiAtlasClusterAdvancedConfigurationView/properties/customOpensslCipherConfigTls13/items` },
  { kind: 'enum', name: 'TLS_PROTOCOLS', doc: 'Minimum TLS protocol versions.', pointer: `${S}/ApiAtlasClusterAdvancedConfigurationView/properties/minimumEnabledTlsProtocol` },
  { kind: 'enum', name: 'TLS_CIPHER_CONFIG_MODES', doc: 'TLS cipher configuration modes.', pointer: `${S}/ApiAtlasClusterAdvancedConfigurationView/properties/tlsCipherConfigMode` },

  // Snapshots, restores, schedules.
  { kind: 'enum', name: 'SNAPSHOT_STATUSES', doc: 'Snapshot states.', pointer: `${S}/DiskBackupReplicaSet/properties/status` },
  { kind: 'enum', name: 'SNAPSHOT_RETENTION_UNITS', doc: 'Units of a snapshot retention PATCH (upper case).', pointer: `${S}/BackupSnapshotRetention/properties/retentionUnit` },
  { kind: 'enum', name: 'RESTORE_DELIVERY_TYPES', doc: 'How a restore job delivers the snapshot.', pointer: `${S}/DiskBackupSnapshotRestoreJob/properties/deliveryType` },
  { kind: 'enum', name: 'POLICY_FREQUENCY_TYPES', doc: 'Backup policy item frequencies (include `ondemand`).', pointer: `${S}/DiskBackupApiPolicyItem/properties/frequencyType` },
  { kind: 'enum', name: 'POLICY_FREQUENCY_INTERVALS', doc: 'Backup policy item intervals.', pointer: `${S}/DiskBackupApiPolicyItem/properties/frequencyInterval` },
  {
    kind: 'enum', name: 'POLICY_RETENTION_UNITS', doc: 'Units of a backup policy item (lower case).', pointer: `${S}/DiskBackupApiPolicyItem/properties/retentionUnit`,
    sameAs: [`${S}/DiskBackupTimeBasedCopyPolicyItem/allOf/1/properties/retentionUnit`],
  },
  { kind: 'enum', name: 'COPY_POLICY_FREQUENCY_TYPES', doc: 'Copy policy item frequencies.', pointer: `${S}/DiskBackupCopyPolicyItem/properties/frequencyType` },
  { kind: 'enum', name: 'EXPORT_FREQUENCY_TYPES', doc: 'Auto-export frequencies.', pointer: `${S}/AutoExportPolicyView/properties/frequencyType` },
  {
    kind: 'enum', name: 'SNAPSHOT_FREQUENCIES', doc: 'Upper-case snapshot frequencies (copy settings, extra retention).', pointer: `${S}/DiskBackupCopySetting/properties/frequencies/items`,
    sameAs: [`${S}/ExtraRetentionSetting/properties/frequencyType`],
  },
  { kind: 'enum', name: 'COPY_CLOUD_PROVIDERS', doc: 'Clouds a snapshot copy may target.', pointer: `${S}/DiskBackupCopySetting/properties/cloudProvider` },

  // Patterns.
  {
    kind: 'pattern', name: 'OBJECT_ID_PATTERN', doc: 'A 24-hexadecimal-digit id (groupId, roleId, snapshotId, ...).', pointer: `${S}/LegacyAtlasCluster/properties/id`,
    sameAs: [`${S}/AWSKMSConfiguration/properties/roleId`, `${S}/DiskBackupSnapshotRestoreJob/properties/snapshotId`],
  },
  {
    kind: 'pattern', name: 'CLUSTER_NAME_PATTERN', doc: 'A cluster name.', pointer: `${S}/LegacyAtlasCluster/properties/name`,
    sameAs: [`${S}/ClusterDescription20240805/properties/name`, `${S}/DiskBackupSnapshotRestoreJob/properties/targetClusterName`],
  },
  { kind: 'pattern', name: 'MONGODB_VERSION_PATTERN', doc: 'A full MongoDB version (unanchored in the spec).', pointer: `${S}/LegacyAtlasCluster/properties/mongoDBVersion` },

  // Bounds.
  { kind: 'bounds', name: 'AWS_ACCESS_KEY_ID_LENGTH', doc: 'Length of `awsKms.accessKeyID`.', pointer: `${S}/AWSKMSConfiguration/properties/accessKeyID`, keys: ['minLength', 'maxLength'] },
  { kind: 'bounds', name: 'CUSTOMER_MASTER_KEY_ID_LENGTH', doc: 'Length of `awsKms.customerMasterKeyID`.', pointer: `${S}/AWSKMSConfiguration/properties/customerMasterKeyID`, keys: ['minLength', 'maxLength'] },
  { kind: 'bounds', name: 'DISK_SIZE_GB', doc: 'The legacy layout\'s `diskSizeGB`.', pointer: `${S}/LegacyAtlasCluster/properties/diskSizeGB`, keys: ['minimum', 'maximum'] },
  { kind: 'bounds', name: 'NUM_SHARDS', doc: 'The legacy layout\'s `numShards`.', pointer: `${S}/LegacyAtlasCluster/properties/numShards`, keys: ['minimum', 'maximum'] },
  { kind: 'bounds', name: 'REGION_PRIORITY', doc: 'Election priority of a region.', pointer: `${S}/RegionSpec/properties/priority`, keys: ['minimum', 'maximum'] },
  { kind: 'bounds', name: 'LABEL_LENGTH', doc: 'Length of label and tag keys and values.', pointer: `${S}/ResourceTag/properties/key`, keys: ['minLength', 'maxLength'] },
  { kind: 'bounds', name: 'RETENTION_IN_DAYS', doc: 'On-demand snapshot `retentionInDays`.', pointer: `${S}/DiskBackupOnDemandSnapshotRequest/properties/retentionInDays`, keys: ['minimum'] },
  { kind: 'bounds', name: 'POINT_IN_TIME_UTC_SECONDS', doc: 'A restore job\'s `pointInTimeUTCSeconds` (2008-01-01 in epoch seconds).', pointer: `${S}/DiskBackupSnapshotRestoreJob/properties/pointInTimeUTCSeconds`, keys: ['minimum'] },
  { kind: 'bounds', name: 'OPLOG_TS', doc: 'A restore job\'s `oplogTs`.', pointer: `${S}/DiskBackupSnapshotRestoreJob/properties/oplogTs`, keys: ['minimum'] },
  { kind: 'bounds', name: 'OPLOG_INC', doc: 'A restore job\'s `oplogInc`.', pointer: `${S}/DiskBackupSnapshotRestoreJob/properties/oplogInc`, keys: ['minimum'] },
  { kind: 'bounds', name: 'SCHEDULE_POLICIES', doc: 'Policies in a backup schedule.', pointer: `${S}/DiskBackupSnapshotSchedule/properties/policies`, keys: ['maxItems'] },
  { kind: 'bounds', name: 'COPY_LAST_NUMBER_OF_SNAPSHOTS', doc: 'Snapshots a copy setting copies.', pointer: `${S}/DiskBackupCopySetting/properties/lastNumberOfSnapshots`, keys: ['minimum', 'maximum'] },
  { kind: 'bounds', name: 'COPY_POLICY_ITEMS', doc: 'Copy policy items per copy setting.', pointer: `${S}/DiskBackupCopySetting/properties/copyPolicyItems`, keys: ['maxItems'] },
  { kind: 'bounds', name: 'TLS13_CIPHER_COUNT', doc: 'TLS 1.3 cipher suites per cluster.', pointer: `${S}/ApiAtlasClusterAdvancedConfigurationView/properties/customOpensslCipherConfigTls13`, keys: ['maxItems'] },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a JSON pointer; throws with the pointer when the spec no longer has it. */
export function resolvePointer(doc: Json, pointer: string): Json {
  let node: Json | undefined = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`The spec has nothing at ${pointer} (missing "${key}").`);
  }
  return node;
}

function enumAt(spec: Json, pointer: string): readonly (string | number)[] {
  const schema = resolvePointer(spec, pointer);
  const values = isObject(schema) ? schema.enum : undefined;
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new Error(`The spec has no enum of strings or numbers at ${pointer}.`);
  }
  return values as (string | number)[];
}

/** Every enum in the spec whose schema carries this title, with where it is. */
function enumsTitled(spec: Json, title: string): { pointer: string; values: readonly (string | number)[] }[] {
  const found: { pointer: string; values: readonly (string | number)[] }[] = [];
  const walk = (node: Json, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${pointer}/${i}`));
    if (!isObject(node)) return;
    if (node.title === title && Array.isArray(node.enum)) found.push({ pointer, values: node.enum as (string | number)[] });
    for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  walk(spec, '');
  return found;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function extractEnum(spec: Json, e: Extract<Extraction, { kind: 'enum' }>): readonly (string | number)[] {
  const values = enumAt(spec, e.pointer);
  const schema = resolvePointer(spec, e.pointer);
  const title = isObject(schema) && typeof schema.title === 'string' ? schema.title : undefined;
  const others = [
    ...(e.sameAs ?? []).map((pointer) => ({ pointer, values: enumAt(spec, pointer) })),
    ...(title ? enumsTitled(spec, title) : []),
  ];
  for (const other of others) {
    if (!sameValues(values, other.values)) {
      throw new Error(`${e.name}: the enum at ${other.pointer} differs from the one at ${e.pointer}; decide which one the schemas should use.`);
    }
  }
  return values;
}

function extractMapping(spec: Json, e: Extract<Extraction, { kind: 'mapping' }>): readonly string[] {
  const schema = resolvePointer(spec, e.pointer);
  const mapping = isObject(schema) && isObject(schema.discriminator) ? schema.discriminator.mapping : undefined;
  const oneOf = isObject(schema) ? schema.oneOf : undefined;
  if (!isObject(mapping) || !Array.isArray(oneOf)) throw new Error(`${e.name}: no discriminator mapping and oneOf at ${e.pointer}.`);
  const order = oneOf.map((branch) => (isObject(branch) ? branch.$ref : undefined));
  return Object.keys(mapping).sort((a, b) => order.indexOf(mapping[a] ?? null) - order.indexOf(mapping[b] ?? null));
}

function extractPattern(spec: Json, e: Extract<Extraction, { kind: 'pattern' }>): string {
  const read = (pointer: string): string => {
    const schema = resolvePointer(spec, pointer);
    if (!isObject(schema) || typeof schema.pattern !== 'string') throw new Error(`${e.name}: no pattern at ${pointer}.`);
    return schema.pattern;
  };
  const pattern = read(e.pointer);
  for (const pointer of e.sameAs ?? []) {
    if (read(pointer) !== pattern) throw new Error(`${e.name}: the pattern at ${pointer} differs from the one at ${e.pointer}.`);
  }
  return pattern;
}

function extractBounds(spec: Json, e: Extract<Extraction, { kind: 'bounds' }>): Record<string, number> {
  const schema = resolvePointer(spec, e.pointer);
  const bounds: Record<string, number> = {};
  for (const key of e.keys) {
    const value = isObject(schema) ? schema[key] : undefined;
    if (typeof value !== 'number') throw new Error(`${e.name}: no numeric ${key} at ${e.pointer}.`);
    bounds[key] = value;
  }
  return bounds;
}

const LINE_WIDTH = 118;

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** `[...] as const`, wrapped to the line width, one indent level deep. */
function renderArray(values: readonly (string | number)[], prefix: string): string {
  const oneLine = `[${values.map(literal).join(', ')}] as const`;
  if (prefix.length + oneLine.length + 1 <= LINE_WIDTH) return oneLine;
  const lines: string[] = [];
  let line = '';
  for (const value of values.map(literal)) {
    const next = line === '' ? `  ${value},` : `${line} ${value},`;
    if (next.length > LINE_WIDTH && line !== '') {
      lines.push(line);
      line = `  ${value},`;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  return `[\n${lines.join('\n')}\n] as const`;
}

function docComment(e: Extraction): string {
  return `/** ${e.doc} Spec: \`${e.pointer.replace(`${S}/`, '')}\`. */`;
}

function renderExtraction(spec: Json, e: Extraction): string {
  switch (e.kind) {
    case 'enum':
    case 'mapping': {
      const values = e.kind === 'enum' ? extractEnum(spec, e) : extractMapping(spec, e);
      const type = e.typeName ? `\nexport type ${e.typeName} = (typeof ${e.name})[number];` : '';
      const prefix = `export const ${e.name} = `;
      return `${docComment(e)}\n${prefix}${renderArray(values, prefix)};${type}`;
    }
    case 'pattern':
      return `${docComment(e)}\nexport const ${e.name} = ${literal(extractPattern(spec, e))};`;
    case 'bounds': {
      const entries = Object.entries(extractBounds(spec, e)).map(([k, v]) => `${k}: ${v}`);
      return `${docComment(e)}\nexport const ${e.name} = { ${entries.join(', ')} } as const;`;
    }
  }
}

/** The whole generated module for a parsed spec. Pure, so a test can regenerate it in memory. */
export function renderAtlasEnums(spec: Json): string {
  const info = isObject(spec) && isObject(spec.info) ? spec.info : {};
  const subsetOf = isObject(info['x-subset-of']) ? info['x-subset-of'] : {};
  const source = `${String(subsetOf.repository ?? 'unknown')} ${String(subsetOf.path ?? '')} @ ${String(subsetOf.commit ?? 'unknown')}`;
  const header = [
    '// Generated by tools/schema-build/extract-enums.ts from',
    '// ../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json — do not edit.',
    '// Regenerate with `npx tsx tools/schema-build/extract-enums.ts`; a test fails when this file is stale.',
    `// Spec: ${source} (x-xgen-sha ${String(info['x-xgen-sha'] ?? 'unknown')}).`,
  ].join('\n');
  return `${header}\n\n${EXTRACTIONS.map((e) => renderExtraction(spec, e)).join('\n\n')}\n`;
}

function argValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: readonly string[]): number {
  const specPath = resolve(argValue(args, '--spec') ?? DEFAULT_SPEC_PATH);
  const outPath = resolve(argValue(args, '--out') ?? DEFAULT_OUT_PATH);
  let specText: string;
  try {
    specText = readFileSync(specPath, 'utf8');
  } catch {
    process.stderr.write(`Cannot read the Atlas OpenAPI spec at ${specPath}: clone shared/ beside the repository or pass --spec.\n`);
    return 2;
  }
  const rendered = renderAtlasEnums(JSON.parse(specText) as Json);
  if (args.includes('--stdout')) {
    process.stdout.write(rendered);
    return 0;
  }
  const shown = relative(process.cwd(), outPath) || outPath;
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outPath, 'utf8');
    } catch {
      // A missing file is as stale as a wrong one.
    }
    if (current === rendered) return 0;
    const firstDiff = rendered.split('\n').findIndex((line, i) => line !== current.split('\n')[i]);
    process.stderr.write(`${shown} is stale (first difference at line ${firstDiff + 1}); run \`npx tsx tools/schema-build/extract-enums.ts\`.\n`);
    return 1;
  }
  writeFileSync(outPath, rendered);
  process.stdout.write(`Wrote ${shown}.\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
