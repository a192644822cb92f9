import { CLOUD_PROVIDERS, KEY_STATES } from '@mock-atlas/model';
import { SNAPSHOT_STATUSES } from '../atlas-enums';
import type { JsonSchema } from '../json-schema';
import { BACKUP_SCHEDULE_PROPERTIES } from './backup-schedule';
import { arrayOf, closedObject, clusterName, dateTime, DRAFT_07, objectId, ROLE_NAME_PATTERN, schemaId, schemaRef, str, stringEnum } from './common';
import { RESTORE_JOB_PROPERTIES } from './restore-job';

// Where the config holds an API body unchanged it $refs the API schema; where it adds a
// field (the `cluster` of a restore job) it spreads the API schema's properties into a new
// closed object, because draft-07 cannot extend an object that has additionalProperties:false.

const nonEmpty = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });

/** A credential secret: a literal or `${env:NAME}`; security/no-plaintext-secrets warns on literals. */
const secretValue = (description: string): JsonSchema => nonEmpty(`${description} Write \${env:NAME} to read it from the environment.`);

const roles = (): JsonSchema =>
  arrayOf({ type: 'string', pattern: ROLE_NAME_PATTERN, description: 'An Atlas role name, e.g. GROUP_OWNER.' }, 'Roles granted on the project(s).', {
    minItems: 1,
  });

const provider = (description: string): JsonSchema => stringEnum(CLOUD_PROVIDERS, description);

/**
 * A cluster in either request layout. The branch is chosen by whether any replication spec
 * has `regionConfigs` (2024-08-05) or not (legacy), so errors come from one layout only.
 * Each branch requires where the cluster runs (`providerSettings`, `replicationSpecs`), as a create does.
 */
function cluster(): JsonSchema {
  return {
    type: 'object',
    description: 'A cluster: a v1.0 body (providerSettings) or a v2 2024-08-05 body (replicationSpecs[].regionConfigs).',
    required: ['name'],
    properties: { name: { type: 'string' } },
    // "Some spec has regionConfigs", written as "not every spec lacks it" rather than with
    // `contains`: Ajv 8.20 carries a `contains` verdict from one array item over to the next when
    // the next is empty, so a legacy cluster with `replicationSpecs: []` after a 2024-08-05 one was
    // read as 2024-08-05 (found by the request fuzzer, tools/conformance/src/fuzz).
    if: {
      required: ['replicationSpecs'],
      properties: {
        replicationSpecs: { type: 'array', not: { items: { not: { type: 'object', required: ['regionConfigs'], properties: { regionConfigs: true } } } } },
      },
    },
    // A file's cluster is created, so it is checked as POST /clusters checks a body (cluster-create.ts).
    then: schemaRef('cluster.20240805.create'),
    else: schemaRef('cluster.legacy.create'),
  };
}

function kms(): JsonSchema {
  return closedObject(
    {
      keys: arrayOf(
        closedObject(
          {
            provider: provider('Key management service that holds the key.'),
            keyId: nonEmpty('Id of the key, as the EAR document names it (customerMasterKeyID, keyIdentifier or keyVersionResourceID).'),
            state: stringEnum(KEY_STATES, 'State of the key in the KMS.'),
            createdAt: dateTime('When the key (version) was created; drives kms/key-rotation-age.'),
          },
          { required: ['provider', 'keyId', 'state'] },
        ),
        'Keys the simulated KMS holds.',
      ),
    },
    { description: 'What the customer\'s key management services hold (the simulated KMS).' },
  );
}

function snapshot(): JsonSchema {
  return closedObject(
    {
      id: objectId('Id of the snapshot.'),
      cluster: clusterName('Cluster the snapshot was taken of.'),
      createdAt: dateTime('When the snapshot was taken.'),
      status: stringEnum(SNAPSHOT_STATUSES, 'State of the snapshot; completed when absent.'),
      description: str('Why the snapshot was taken.'),
      encryptionKey: closedObject(
        {
          provider: provider('Key management service of the key.'),
          keyId: nonEmpty('Id of the key that was active when the snapshot was taken.'),
        },
        { required: ['provider', 'keyId'], description: 'The customer key that encrypted the snapshot.' },
      ),
    },
    { required: ['id', 'cluster', 'createdAt'], description: 'A snapshot fixture.' },
  );
}

/** The YAML project config of mock-atlas and atlas-lint (PRODUCT.md, "The project config"). */
export const projectConfigSchema = {
  $schema: DRAFT_07,
  $id: schemaId('project-config'),
  title: 'mock-atlas / atlas-lint project config',
  description: 'One Atlas project: its Encryption at Rest settings, what its KMS holds, clusters, backups and credentials.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'project'],
  properties: {
    $schema: str('JSON Schema of this file, for editors.'),
    version: { const: 1, description: 'Config format version; always 1.' },
    project: closedObject(
      {
        name: nonEmpty('Name of the project.'),
        id: objectId('Id of the project (24 hex digits); generated when absent.'),
      },
      { required: ['name'], description: 'The project.' },
    ),
    encryptionAtRest: { ...schemaRef('encryption-at-rest.request'), description: 'The body of PATCH /groups/{groupId}/encryptionAtRest.' },
    kms: kms(),
    clusters: arrayOf(cluster(), 'Clusters of the project.'),
    snapshots: arrayOf(snapshot(), 'Snapshot fixtures.'),
    restoreJobs: arrayOf(
      closedObject(
        { cluster: clusterName('Cluster whose snapshot is restored.'), ...RESTORE_JOB_PROPERTIES },
        { required: ['cluster', 'deliveryType'], description: 'A planned restore, checked like POST restoreJobs.' },
      ),
      'Planned restores.',
    ),
    backupSchedules: arrayOf(
      closedObject(
        { cluster: clusterName('Cluster the schedule belongs to.'), ...BACKUP_SCHEDULE_PROPERTIES },
        { required: ['cluster', 'policies'], description: 'A backup schedule, as PATCH backup/schedule takes it.' },
      ),
      'Backup schedules.',
    ),
    apiKeys: arrayOf(
      closedObject(
        {
          publicKey: nonEmpty('Public key (the digest user name).'),
          privateKey: secretValue('Private key (the digest password).'),
          roles: roles(),
          groupId: objectId('The project the roles apply to; every project when absent.'),
        },
        { required: ['publicKey', 'privateKey', 'roles'], description: 'A programmatic API key (mock only).' },
      ),
      'Digest API keys (mock only).',
    ),
    serviceAccounts: arrayOf(
      closedObject(
        {
          clientId: nonEmpty('OAuth client id.'),
          clientSecret: secretValue('OAuth client secret.'),
          roles: roles(),
          groupId: objectId('The project the roles apply to; every project when absent.'),
        },
        { required: ['clientId', 'clientSecret', 'roles'], description: 'An OAuth service account (mock only).' },
      ),
      'OAuth service accounts (mock only).',
    ),
  },
} satisfies JsonSchema;
