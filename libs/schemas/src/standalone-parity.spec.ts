// The validators are compiled at build time; this checks that what the build wrote behaves
// exactly like Ajv compiling the schema objects now, so a stale or mis-rewritten
// generated/validators.js cannot pass unnoticed.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as generated from '../generated/validators';
import {
  AZURE_FULL,
  defaultSchedulePatch,
  GCP_WITH_ROLE,
  M30_V1,
  M30_V1_ROUND_TRIP,
  PRODUCT_CONFIG,
  S3_DISABLE_AWS,
  S3_ENABLE_AWS,
  V2_MULTI_CLOUD,
  V2_MULTI_REGION,
  V2_TENANT,
} from './__tests__/bodies';
import { AJV_OPTIONS } from './ajv-options';
import { projectConfigSchemaBundle } from './bundle';
import { SCHEMA_NAMES, SCHEMAS, validatorExportName, type SchemaName } from './catalog';
import { mapAjvErrors } from './errors/map-ajv-errors';
import { SCHEMA_RULE_IDS } from './schema-rules';
import { validate } from './validate';

const runtime = new Ajv({ ...AJV_OPTIONS });
addFormats(runtime);
for (const name of SCHEMA_NAMES) runtime.addSchema(SCHEMAS[name]);

const compiledNow = (name: SchemaName): ValidateFunction => {
  const fn = runtime.getSchema(SCHEMAS[name].$id);
  if (!fn) throw new Error(`Ajv did not compile ${name}`);
  return fn;
};
const prebuilt = (name: SchemaName): ValidateFunction =>
  (generated as unknown as Record<string, ValidateFunction>)[validatorExportName(name)] as ValidateFunction;

/** What an error says, without the schema objects verbose mode attaches. */
const plain = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ keyword, instancePath, schemaPath, params, propertyName }) => ({ keyword, instancePath, schemaPath, params, propertyName }));

function outcome(fn: ValidateFunction, data: unknown) {
  const valid = fn(data);
  const errors = [...(fn.errors ?? [])];
  return { valid, errors: plain(errors), findings: mapAjvErrors(errors, data) };
}

const GOOD: Readonly<Record<SchemaName, readonly unknown[]>> = {
  'encryption-at-rest.request': [S3_ENABLE_AWS, S3_DISABLE_AWS, AZURE_FULL, GCP_WITH_ROLE],
  'cluster.legacy': [M30_V1, M30_V1_ROUND_TRIP],
  'cluster.20240805': [V2_MULTI_REGION, V2_MULTI_CLOUD, V2_TENANT],
  'cluster.legacy.create': [M30_V1],
  'cluster.20240805.create': [V2_MULTI_REGION, V2_TENANT],
  'snapshot.request': [{ description: 'before', retentionInDays: 3 }],
  'snapshot.retention': [{ retentionUnit: 'DAYS', retentionValue: 3 }],
  'restore-job.request': [{ deliveryType: 'download', snapshotId: '6a793f6b2c88faeba59bae37' }],
  'backup-schedule.request': [defaultSchedulePatch()],
  'project-config': [PRODUCT_CONFIG, { ...PRODUCT_CONFIG, clusters: [M30_V1, V2_MULTI_REGION, V2_TENANT] }],
};

const BAD: Readonly<Record<SchemaName, readonly unknown[]>> = {
  'encryption-at-rest.request': [{ awsKms: { region: 'US_EAST_9', regoin: 1, accessKeyID: 'x' } }, { azureKeyVault: { clientID: 'nope', azureEnvironment: 'AZURE_GERMANY' } }, null, []],
  'cluster.legacy': [
    { ...M30_V1, providerSettings: { providerName: 'AZ' } },
    { ...M30_V1, providerSettings: { instanceSizeName: 'M30' }, diskSizeGB: 2, replicationSpecs: [{ regionsConfig: { NOWHERE: { electableNodes: 2 } } }] },
    { name: '-bad', providerSettings: { providerName: 'TENANT', instanceSizeName: 'M10', diskIOPS: 3 } },
  ],
  'cluster.20240805': [
    { ...V2_MULTI_REGION, replicationSpecs: [{ regionConfigs: [{ providerName: 'GCP', regionName: 'US_EAST_1', electableSpecs: { instanceSize: 'M100', ebsVolumeType: 'X' } }] }] },
    { replicationSpecs: [{ regionConfigs: [{ priority: 9 }, { providerName: 7 }] }], adaptiveCapacity: 'MAYBE' },
  ],
  'cluster.legacy.create': [{ name: 'x', providerSettings: { providerName: 'AWS' } }, { providerSettings: { providerName: 'FLEX', regionName: 'US_EAST_1' } }, { ...M30_V1, diskIOPS: 3 }],
  'cluster.20240805.create': [{ name: 'x' }, { ...V2_MULTI_REGION, name: undefined }],
  'snapshot.request': [{ retentionInDays: 0, extra: true }, 'snapshot'],
  'snapshot.retention': [{}, { retentionUnit: 'days', retentionValue: '3' }],
  'restore-job.request': [{}, { deliveryType: 'automatic', oplogInc: 0, pointInTimeUTCSeconds: 5, targetGroupId: 'x' }],
  'backup-schedule.request': [{}, { policies: [{ policyItems: [{ frequencyType: 'minutely', frequencyInterval: 31 }] }, {}] }],
  'project-config': [
    {},
    { version: '1', project: { id: 'x' }, clusters: [{ replicationSpecs: [{ regionConfigs: [{ providerName: 'AWS' }] }] }, { providerSettings: {} }], kms: { keys: [{}] } },
    { ...PRODUCT_CONFIG, encryptionAtRest: { awsKms: { valid: 'yes' } }, restoreJobs: [{ deliveryType: 'automated' }], apiKeys: [{ roles: ['x'] }] },
  ],
};

/** Replaces the node at one of the document's paths (chosen by `pick`) with `value`. */
function mutate(doc: unknown, pick: number, value: unknown): unknown {
  const paths: (string | number)[][] = [[]];
  const collect = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      const next = [...path, Array.isArray(node) ? Number(key) : key];
      paths.push(next);
      collect(child, next);
    }
  };
  collect(doc, []);
  const target = paths[pick % paths.length] ?? [];
  const copy = structuredClone(doc);
  if (target.length === 0) return value;
  let parent = copy as Record<string | number, unknown>;
  for (const segment of target.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  parent[target[target.length - 1] as string | number] = value;
  return copy;
}

describe.each(SCHEMA_NAMES)('%s: generated validator = runtime compilation', (name) => {
  it.each([...GOOD[name].map((d) => ['good', d] as const), ...BAD[name].map((d) => ['bad', d] as const)])('%s document %#', (kind, doc) => {
    const ours = outcome(prebuilt(name), doc);
    expect(ours).toEqual(outcome(compiledNow(name), doc));
    expect(ours.valid).toBe(kind === 'good');
    expect(validate(name, doc)).toEqual(ours.findings);
    for (const finding of ours.findings) expect(SCHEMA_RULE_IDS).toContain(finding.ruleId);
  });

  it('agrees on random mutations of its documents', () => {
    const docs = [...GOOD[name], ...BAD[name]];
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.nat(), fc.jsonValue(), (which, pick, value) => {
        const doc = mutate(docs[which], pick, value);
        expect(outcome(prebuilt(name), doc)).toEqual(outcome(compiledNow(name), doc));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the bundled project config schema (editors, --print-schema)', () => {
  const bundled = (() => {
    const ajv = new Ajv({ ...AJV_OPTIONS });
    addFormats(ajv);
    return ajv.compile(projectConfigSchemaBundle);
  })();

  it('judges every corpus document like the schema with references', () => {
    for (const doc of [...GOOD['project-config'], ...BAD['project-config']]) {
      const { valid, findings } = outcome(bundled, doc);
      const reference = outcome(prebuilt('project-config'), doc);
      expect({ valid, findings }).toEqual({ valid: reference.valid, findings: reference.findings });
    }
  });

  it('judges random mutations like the schema with references', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GOOD['project-config'], ...BAD['project-config']), fc.nat(), fc.jsonValue(), (base, pick, value) => {
        const doc = mutate(base, pick, value);
        expect(outcome(bundled, doc).findings).toEqual(outcome(prebuilt('project-config'), doc).findings);
      }),
      { numRuns: 200 },
    );
  });
});
