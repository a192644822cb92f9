import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS } from '../ajv-options';
import type { SchemaName } from '../catalog';
import type { JsonSchema } from '../json-schema';
import { SCHEMA_RULES_BY_ID, type SchemaRuleId } from '../schema-rules';
import { validate } from '../validate';
import { mapAjvErrors } from './map-ajv-errors';

/** Validates with a schema compiled on the spot, to exercise shapes the library's schemas avoid. */
function findingsFor(schema: JsonSchema, data: unknown, base: readonly (string | number)[] = []) {
  const ajv = new Ajv({ ...AJV_OPTIONS });
  addFormats(ajv);
  const fn = ajv.compile(schema);
  fn(data);
  return mapAjvErrors((fn.errors ?? []) as ErrorObject[], data, base);
}

describe('each finding kind, from the library\'s own schemas', () => {
  const cases: readonly [SchemaRuleId, SchemaName, unknown, readonly (string | number)[], readonly unknown[]][] = [
    ['schema/unknown-field', 'cluster.legacy', { providerSettings: { providerName: 'GCP', regionNam: 'CENTRAL_US' } }, ['providerSettings', 'regionNam'], ['regionNam']],
    ['schema/type', 'encryption-at-rest.request', { awsKms: [] }, ['awsKms'], ['awsKms']],
    ['schema/enum', 'cluster.20240805', { clusterType: 'SHARDED_CLUSTER' }, ['clusterType'], ['SHARDED_CLUSTER', 'clusterType']],
    ['schema/required', 'snapshot.retention', { retentionUnit: 'DAYS' }, ['retentionValue'], ['retentionValue']],
    ['schema/pattern', 'restore-job.request', { deliveryType: 'download', snapshotId: 'abc' }, ['snapshotId'], ['snapshotId']],
    ['schema/range', 'cluster.legacy', { replicationSpecs: [{ regionsConfig: { US_EAST_1: { priority: -1 } } }] }, ['replicationSpecs', 0, 'regionsConfig', 'US_EAST_1', 'priority'], ['priority']],
  ];
  it.each(cases)('%s from %s', (kind, schema, doc, path, parameters) => {
    const rule = SCHEMA_RULES_BY_ID[kind];
    expect(validate(schema, doc)).toEqual([
      { ruleId: kind, severity: 'error', errorCode: rule.errorCode, httpStatus: 400, path, parameters, message: expect.any(String) },
    ]);
  });

  it('the base path prefixes paths and messages', () => {
    expect(validate('snapshot.retention', { retentionUnit: 'DAYS' }, ['snapshots', 3])).toMatchObject([
      { path: ['snapshots', 3, 'retentionValue'], message: 'Missing required attribute `retentionValue` in snapshots[3].' },
    ]);
  });

  it('a document that is not an object is one type finding at the root', () => {
    expect(validate('project-config', 'version: 1')).toMatchObject([
      { ruleId: 'schema/type', path: [], message: 'The document must be an object, not the string "version: 1".' },
    ]);
  });
});

describe('collapsing wrapper errors', () => {
  const stringOrObject: JsonSchema = {
    type: 'object',
    properties: {
      x: {
        oneOf: [
          { type: 'string' },
          { type: 'object', additionalProperties: false, properties: { a: { type: 'integer' } } },
        ],
      },
    },
  };

  it('oneOf keeps the errors of the branch whose shape matched, without its own summary', () => {
    expect(findingsFor(stringOrObject, { x: { a: 'one' } })).toMatchObject([{ ruleId: 'schema/type', path: ['x', 'a'] }]);
  });

  it('oneOf with no branch of the right shape reports one branch\'s type error', () => {
    expect(findingsFor(stringOrObject, { x: 3 })).toMatchObject([{ ruleId: 'schema/type', path: ['x'] }]);
  });

  it('anyOf picks the closer branch too', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { y: { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string', enum: ['a', 'b'] } }] } },
    };
    expect(findingsFor(schema, { y: ['a', 'c'] })).toMatchObject([{ ruleId: 'schema/enum', path: ['y', 1], parameters: ['c', 'y'] }]);
  });

  it('oneOf matching twice has no branch errors and reports itself', () => {
    const schema: JsonSchema = { type: 'object', properties: { z: { oneOf: [{ type: 'integer' }, { type: 'number' }] } } };
    expect(findingsFor(schema, { z: 1 })).toMatchObject([{ ruleId: 'schema/type', path: ['z'] }]);
  });

  it('if/then/else reports the failing branch\'s errors only', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { kind: { type: 'string' }, size: { type: 'integer' } },
      if: { properties: { kind: { const: 'big' } } },
      then: { properties: { size: { type: 'integer', minimum: 10 } } },
      else: { properties: { size: { type: 'integer', maximum: 5 } } },
    };
    expect(findingsFor(schema, { kind: 'big', size: 3 })).toMatchObject([{ ruleId: 'schema/range', path: ['size'], message: 'Attribute size must be at least 10, not 3.' }]);
    expect(findingsFor(schema, { kind: 'small', size: 7 })).toMatchObject([{ ruleId: 'schema/range', path: ['size'] }]);
  });

  it('a wrong type hides the enum and range errors of the same node', () => {
    const schema: JsonSchema = { type: 'object', properties: { n: { type: 'integer', enum: [1, 2], minimum: 1 } } };
    expect(findingsFor(schema, { n: 'two' })).toMatchObject([{ ruleId: 'schema/type', path: ['n'] }]);
  });

  it('the same node and kind is reported once', () => {
    const schema: JsonSchema = { type: 'object', properties: { s: { type: 'string', allOf: [{ minLength: 3 }, { minLength: 4 }] } } };
    expect(findingsFor(schema, { s: 'ab' })).toHaveLength(1);
  });
});

describe('decoding instance paths', () => {
  it('JSON pointer escapes are undone and array indexes become numbers', () => {
    const schema: JsonSchema = { type: 'object', additionalProperties: { type: 'array', items: { type: 'integer' } } };
    expect(findingsFor(schema, { 'a/b~c': [1, 'x'] })).toMatchObject([{ path: ['a/b~c', 1], message: 'Attribute a/b~c[1] must be a whole number, not the string "x".' }]);
  });

  it('a numeric key of an object stays a string', () => {
    const schema: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };
    expect(findingsFor(schema, { '0': 5 })).toMatchObject([{ path: ['0'] }]);
  });
});
