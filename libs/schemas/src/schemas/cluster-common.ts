// Top-level cluster attributes both request layouts share (LegacyAtlasCluster and
// ClusterDescription20240805 spell them alike), plus the read-only ones clients send back
// when they PATCH what they GET.
import {
  BI_CONNECTOR_READ_PREFERENCES,
  CLUSTER_STATE_NAMES,
  CLUSTER_TYPES,
  CONFIG_SERVER_MANAGEMENT_MODES,
  CONFIG_SERVER_TYPES,
  DISK_WARMING_MODES,
  EMPLOYEE_ACCESS_GRANT_TYPES,
  ENCRYPTION_AT_REST_PROVIDERS,
  MONGODB_VERSION_PATTERN,
  REPLICA_SET_SCALING_STRATEGIES,
  ROOT_CERT_TYPES,
  TLS12_CIPHERS,
  TLS13_CIPHER_COUNT,
  TLS13_CIPHERS,
  TLS_CIPHER_CONFIG_MODES,
  TLS_PROTOCOLS,
  VERSION_RELEASE_SYSTEMS,
} from '../atlas-enums';
import type { JsonProperties, JsonSchema } from '../json-schema';
import { arrayOf, bool, closedObject, clusterName, dateTime, labels, links, objectId, readOnly, str, stringEnum, tags } from './common';

function advancedConfiguration(): JsonSchema {
  return closedObject(
    {
      customOpensslCipherConfigTls12: arrayOf(stringEnum(TLS12_CIPHERS, 'A TLS 1.2 cipher suite.'), 'TLS 1.2 cipher suites when tlsCipherConfigMode is CUSTOM.'),
      customOpensslCipherConfigTls13: arrayOf(stringEnum(TLS13_CIPHERS, 'A TLS 1.3 cipher suite.'), 'TLS 1.3 cipher suites when tlsCipherConfigMode is CUSTOM.', {
        ...TLS13_CIPHER_COUNT,
      }),
      minimumEnabledTlsProtocol: stringEnum(TLS_PROTOCOLS, 'Lowest TLS version the cluster accepts.'),
      tlsCipherConfigMode: stringEnum(TLS_CIPHER_CONFIG_MODES, 'Whether the cluster uses the default or custom cipher suites.'),
    },
    { description: 'Advanced TLS configuration.' },
  );
}

function biConnector(): JsonSchema {
  return closedObject(
    {
      enabled: bool('Whether the MongoDB Connector for BI is on.'),
      readPreference: stringEnum(BI_CONNECTOR_READ_PREFERENCES, 'Which nodes the BI Connector reads from.'),
    },
    { description: 'MongoDB Connector for Business Intelligence settings.' },
  );
}

function employeeAccessGrant(): JsonSchema {
  return closedObject(
    {
      expirationTime: dateTime('When the grant expires.'),
      grantType: stringEnum(EMPLOYEE_ACCESS_GRANT_TYPES, 'What MongoDB employees may access.'),
      links: links(),
    },
    { description: 'Access granted to MongoDB employees.', required: ['expirationTime', 'grantType'] },
  );
}

function connectionStrings(): JsonSchema {
  const endpoint = closedObject({
    endpointId: readOnly(str('Private endpoint id.')),
    providerName: readOnly(stringEnum(['AWS', 'AZURE', 'GCP'], 'Cloud of the endpoint.')),
    region: readOnly(str('Region of the endpoint.')),
  });
  const privateEndpoint = closedObject({
    connectionString: readOnly(str('Private endpoint connection string.')),
    endpoints: readOnly(arrayOf(endpoint, 'Private endpoints of this connection string.')),
    srvConnectionString: readOnly(str('Private endpoint SRV connection string.')),
    srvShardOptimizedConnectionString: readOnly(str('Shard-optimised private endpoint SRV connection string.')),
    type: readOnly(stringEnum(['MONGOD', 'MONGOS'], 'Process type the string connects to.')),
  });
  const stringMap = readOnly({ type: 'object', additionalProperties: { type: 'string' }, description: 'Connection strings by endpoint id.' });
  return readOnly(
    closedObject(
      {
        awsPrivateLink: stringMap,
        awsPrivateLinkSrv: stringMap,
        private: readOnly(str('Peering connection string.')),
        privateEndpoint: readOnly(arrayOf(privateEndpoint, 'Private endpoint connection strings.')),
        privateSrv: readOnly(str('Peering SRV connection string.')),
        standard: readOnly(str('Public mongodb:// connection string.')),
        standardSrv: readOnly(str('Public mongodb+srv:// connection string.')),
      },
      { description: 'Connection strings (read-only).' },
    ),
  );
}

/** Writable attributes with the same name and meaning in both layouts (except `backupEnabled`, which each layout describes). */
export function sharedClusterProperties(): JsonProperties {
  return {
    name: clusterName('Human-readable label of the cluster; cannot change after creation.'),
    clusterType: stringEnum(CLUSTER_TYPES, 'Topology of the cluster.'),
    pitEnabled: bool('Whether continuous cloud backup (point-in-time restore) is on.'),
    encryptionAtRestProvider: stringEnum(
      ENCRYPTION_AT_REST_PROVIDERS,
      'Key management provider that encrypts the cluster with a customer key; NONE for none. Needs M10 or larger and the provider enabled for the project.',
    ),
    mongoDBMajorVersion: str('MongoDB major version, e.g. "7.0".'),
    paused: bool('Whether the cluster is paused.'),
    terminationProtectionEnabled: bool('Whether the cluster is protected from deletion. Changing it needs Project Owner.'),
    acceptDataRisksAndForceReplicaSetReconfig: dateTime('When a forced replica set reconfiguration was accepted.'),
    advancedConfiguration: advancedConfiguration(),
    biConnector: biConnector(),
    configServerManagementMode: stringEnum(CONFIG_SERVER_MANAGEMENT_MODES, 'How Atlas manages the config servers of a sharded cluster.'),
    diskWarmingMode: stringEnum(DISK_WARMING_MODES, 'How new nodes warm their disks.'),
    globalClusterSelfManagedSharding: bool('Whether a global cluster manages its own sharding.'),
    labels: labels(),
    mongoDBEmployeeAccessGrant: employeeAccessGrant(),
    replicaSetScalingStrategy: stringEnum(REPLICA_SET_SCALING_STRATEGIES, 'Order in which Atlas scales replica set members.'),
    rootCertType: stringEnum(ROOT_CERT_TYPES, 'Root certificate authority of the cluster.'),
    tags: tags(),
    versionReleaseSystem: stringEnum(VERSION_RELEASE_SYSTEMS, 'Whether the cluster follows LTS or continuous MongoDB releases.'),
  };
}

/** Read-only attributes of both layouts: accepted so that a GET body can be sent back. */
export function sharedReadOnlyClusterProperties(): JsonProperties {
  return {
    id: readOnly(objectId('Id of the cluster.')),
    groupId: readOnly(objectId('Id of the project.')),
    stateName: readOnly(stringEnum(CLUSTER_STATE_NAMES, 'Lifecycle state.')),
    mongoDBVersion: readOnly({ ...str('Full MongoDB version the cluster runs.'), pattern: MONGODB_VERSION_PATTERN }),
    createDate: readOnly(dateTime('When the cluster was created.')),
    connectionStrings: connectionStrings(),
    links: links(),
    configServerType: readOnly(stringEnum(CONFIG_SERVER_TYPES, 'Config server type of a sharded cluster.')),
    featureCompatibilityVersion: readOnly(str('Feature compatibility version.')),
    featureCompatibilityVersionExpirationDate: readOnly(dateTime('When the pinned feature compatibility version expires.')),
  };
}
