// The Atlas contract as a response validator: for a recorded v2 response, the schema the
// multi-version spec gives for its operation, status and media type (paths → operation →
// responses[status].content[mediaType].schema), checked by Ajv against the spec's component
// schemas (rewritten by spec-schemas.ts: references kept, discriminators followed, objects
// closed), so that a field the spec does not define fails instead of passing silently.
import { readFileSync } from 'node:fs';
import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { isV2, pathOf, type RecordedResponse } from './recorder';
import { isObject, SpecSchemas, type Json, type JsonObject, type Spec } from './spec-schemas';
import { SPEC_PATH } from './workspace';

/** The media type of every Atlas error (README §5.1, §7). */
export const ERROR_MEDIA_TYPE = 'application/json';

/**
 * Properties real Atlas sends beyond the spec (README §11.7), allowed, by name only, on the
 * schemas that carry them; every other object stays closed. The README records the names and
 * not their types, so any value passes.
 */
export const RECORDED_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  LegacyAtlasCluster: ['effectiveDatabaseEdition'],
  AdvancedClusterDescription: ['effectiveDatabaseEdition'],
  ClusterDescription20240805: ['effectiveDatabaseEdition'],
  DiskBackupSnapshotRestoreJob: ['targetDeploymentItemName'],
  ApiBSONTimestampView: ['time'],
};

/** The snapshot schemas whose `frequencyType` real on-demand snapshots set to `ondemand` (README §11.6). */
const SNAPSHOT_SCHEMAS = ['DiskBackupSnapshot', 'DiskBackupReplicaSet', 'DiskBackupShardedClusterSnapshot'];

function schemaNamed(spec: Spec, name: string): JsonObject & { properties: JsonObject } {
  const schema = spec.components['schemas']?.[name];
  if (!isObject(schema) || !isObject(schema['properties'])) throw new Error(`the spec no longer has ${name}.properties: review applyRecordedCorrections`);
  return schema as JsonObject & { properties: JsonObject };
}

function propertyOf(spec: Spec, schema: string, property: string): JsonObject {
  const found = schemaNamed(spec, schema).properties[property];
  if (!isObject(found)) throw new Error(`the spec no longer has ${schema}.${property}: review applyRecordedCorrections`);
  return found;
}

/**
 * Where the spec's text contradicts what real Atlas sends, the recorded behaviour wins, narrowly:
 * - `ApiError.parameters` is `items: {type: object}` in the spec, but every recorded error lists
 *   its parameters as strings (README §5.1, e.g. `"parameters":["cluster-29","6a79…"]`), and the
 *   mock copies the recording. Objects stay allowed, as the spec says.
 * - README §11.6: on-demand snapshots answer `"frequencyType":"ondemand"`, a value the snapshot
 *   enums lack (17 recorded files).
 * - README §9: a recorded restore job carries `desiredTimestamp:{"increment":null,"time":null,
 *   "date":null}`: `date` and `increment` may be null, and `time` (§11.7) is there at all.
 * - README §11.7: RECORDED_EXTRAS.
 */
function applyRecordedCorrections(spec: Spec): void {
  propertyOf(spec, 'ApiError', 'parameters')['items'] = { type: ['string', 'object'] };
  for (const name of SNAPSHOT_SCHEMAS) {
    const frequencyType = propertyOf(spec, name, 'frequencyType');
    frequencyType['enum'] = [...(Array.isArray(frequencyType['enum']) ? frequencyType['enum'] : []), 'ondemand'];
  }
  for (const member of ['date', 'increment']) propertyOf(spec, 'ApiBSONTimestampView', member)['nullable'] = true;
  for (const [name, properties] of Object.entries(RECORDED_EXTRAS)) {
    const schema = schemaNamed(spec, name);
    for (const property of properties) {
      if (schema.properties[property] !== undefined) throw new Error(`the spec now defines ${name}.${property}: drop it from RECORDED_EXTRAS`);
      schema.properties[property] = {};
    }
  }
}

let cachedSpec: Spec | undefined;

/** The multi-version spec, read once, with the recorded corrections applied. */
export function loadSpec(): Spec {
  if (!cachedSpec) {
    cachedSpec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
    applyRecordedCorrections(cachedSpec);
  }
  return cachedSpec;
}

function lookup(spec: Spec, ref: string): JsonObject {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  const target = match ? spec.components[match[1]!]?.[match[2]!] : undefined;
  if (!target) throw new Error(`unresolvable $ref ${ref}`);
  return target;
}

/** The spec's path template matching a request path (`/api/atlas/v2/groups/{groupId}`), if any. */
export function pathTemplateOf(spec: Spec, path: string): string | undefined {
  return Object.keys(spec.paths).find((template) => {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** Where a response's schema comes from, for messages and coverage. */
export interface SchemaChoice {
  /** `get /api/atlas/v2/groups/{groupId}/encryptionAtRest 200 application/vnd.atlas.2023-01-01+json`. */
  readonly key: string;
  /** The spec's schema for the body; undefined when the spec describes the response without one (202, 204). */
  readonly schema?: Json;
}

/**
 * The schema a response must satisfy: the operation's `responses[status].content[mediaType]`;
 * an error status the operation does not list (406, 405, a path the spec does not have) is
 * checked against ApiError, as `application/json`. A listed response without a schema (DELETE's
 * 202 and 204) has none. Throws when the spec has no such response, which is a contract failure
 * in itself (e.g. a success in a media type the operation does not offer).
 * @example schemaFor(spec, 'GET', '/api/atlas/v2/groups/5f4a8c2e9d1b3a6f7e0c4d21', 200, 'application/vnd.atlas.2023-01-01+json')
 */
export function schemaFor(spec: Spec, method: string, path: string, status: number, mediaType: string): SchemaChoice {
  const template = pathTemplateOf(spec, path);
  const operation = template ? spec.paths[template]?.[method.toLowerCase()] : undefined;
  const responses = operation && isObject(operation['responses']) ? operation['responses'] : undefined;
  let response = responses?.[String(status)];
  if (isObject(response) && typeof response['$ref'] === 'string') response = lookup(spec, response['$ref']);
  if (!isObject(response)) {
    if (status < 400) throw new Error(`the spec has no ${status} response for ${method} ${template ?? path}`);
    if (mediaType !== ERROR_MEDIA_TYPE) throw new Error(`error ${status} of ${method} ${path} is ${mediaType}, not ${ERROR_MEDIA_TYPE}`);
    return { key: `ApiError ${status} ${mediaType}`, schema: { $ref: '#/components/schemas/ApiError' } };
  }
  const content = isObject(response['content']) ? response['content'][mediaType] : undefined;
  if (!isObject(content)) throw new Error(`${method} ${template} ${status} has no ${mediaType} content in the spec`);
  const key = `${method.toLowerCase()} ${template} ${status} ${mediaType}`;
  return content['schema'] === undefined ? { key } : { key, schema: content['schema'] };
}

/** The outcome of checking one response. */
export interface ContractCheck {
  readonly response: RecordedResponse;
  readonly schemaKey?: string;
  /** Empty when the response conforms. */
  readonly problems: readonly string[];
}

// Errors that may only echo others: a branch (`then`, `anyOf`) that failed because of an error
// inside it, and the properties that branch declared, which count as unevaluated once it fails.
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'unevaluatedProperties']);

/**
 * Ajv's errors as `<path> <message>` lines, without the echoes of another error: a summary is
 * dropped when another error sits below its path, or a plain one at its path. (An invented
 * field beside a deeper error is then reported once the deeper one is fixed.) Closing is done
 * with `unevaluatedProperties` (see spec-schemas.ts); to a reader it is "additional properties".
 */
function ajvMessages(errors: readonly ErrorObject[] | null | undefined): string[] {
  const all = errors ?? [];
  const explained = (e: ErrorObject) =>
    all.some((other) => other.instancePath.startsWith(`${e.instancePath}/`) || (other.instancePath === e.instancePath && !SUMMARY_KEYWORDS.has(other.keyword)));
  const lines = all
    .filter((e) => !SUMMARY_KEYWORDS.has(e.keyword) || !explained(e))
    .map((e) => {
      const extra = 'additionalProperty' in e.params ? e.params.additionalProperty : 'unevaluatedProperty' in e.params ? e.params.unevaluatedProperty : undefined;
      const message = extra === undefined ? (e.message ?? '') : `must NOT have additional properties: ${String(extra)}`;
      return `${e.instancePath || '(body)'} ${message}`;
    });
  return [...new Set(lines)];
}

/** The body of an `envelope=true` response and the status it carries, or why it is not one. */
function unwrapEnvelope(response: RecordedResponse, body: unknown): { status: number; body: unknown } | string {
  const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  if (response.status === 200 && keys.join() === 'status,content') {
    const { status, content } = body as { status: number; content: unknown };
    return { status, body: content };
  }
  // A list is its own envelope: the list body plus `status` (the spec's `envelope` parameter).
  if (response.status === 200 && keys.includes('results') && keys.includes('status')) {
    const { status, ...list } = body as { status: number };
    return { status, body: list };
  }
  return `envelope=true must answer 200 with exactly {status, content}, or a list with status; got ${response.status} with keys [${keys.join(', ')}]`;
}

/**
 * Checks recorded v2 responses against the spec. `envelope=true` responses are HTTP 200 with
 * `{status, content}`: the content is checked against the schema of the status it carries.
 * @example const checks = new ContractValidator().check(recorder.responses.filter(isV2));
 */
export class ContractValidator {
  private readonly ajv = new Ajv2019({ strict: false, allErrors: true });
  private readonly schemas: SpecSchemas;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Spec = loadSpec()) {
    addFormats(this.ajv);
    this.schemas = new SpecSchemas(spec);
    this.ajv.addSchema(this.schemas.document());
  }

  private validatorFor(key: string, schema: Json): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.schemas.asValue(schema) as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** Checks one response; never throws. */
  checkOne(response: RecordedResponse): ContractCheck {
    const mediaType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let body: unknown;
    if (response.body.trim() !== '') {
      try {
        body = JSON.parse(response.body);
      } catch {
        return { response, problems: [`the body is not JSON: ${response.body.slice(0, 120)}`] };
      }
    }
    let status = response.status;
    if (new URL(response.url).searchParams.get('envelope') === 'true') {
      const unwrapped = unwrapEnvelope(response, body);
      if (typeof unwrapped === 'string') return { response, problems: [unwrapped] };
      ({ status, body } = unwrapped);
    }
    try {
      const choice = schemaFor(this.spec, response.method, pathOf(response.url), status, mediaType);
      if (choice.schema === undefined) {
        // No schema: nothing, or the `{}` real Atlas sends with a 202 (README §9).
        const empty = body === undefined || (isObject(body as Json) && Object.keys(body as object).length === 0);
        return { response, schemaKey: choice.key, problems: empty ? [] : ['the spec gives this response no body, yet it has one'] };
      }
      if (body === undefined) return { response, schemaKey: choice.key, problems: ['the body is empty, yet the spec gives it a schema'] };
      const validate = this.validatorFor(choice.key, choice.schema);
      return { response, schemaKey: choice.key, problems: validate(body) ? [] : ajvMessages(validate.errors) };
    } catch (error) {
      return { response, problems: [(error as Error).message] };
    }
  }

  check(responses: readonly RecordedResponse[]): ContractCheck[] {
    return responses.map((r) => this.checkOne(r));
  }
}

/** A readable list of the responses that broke the contract (empty string when none did). */
export function describeViolations(checks: readonly ContractCheck[]): string {
  return checks
    .filter((c) => c.problems.length > 0)
    .map((c) => `${c.response.method} ${c.response.url} → ${c.response.status} (${c.schemaKey ?? 'no schema'}):\n  ${c.problems.join('\n  ')}\n  body: ${c.response.body.slice(0, 400)}`)
    .join('\n');
}

/** What checking the v2 responses of a recorder found. */
export interface RecordedContract {
  /** describeViolations of the checks: empty when every response conforms. */
  readonly violations: string;
  /** The schema keys (operation, status, media type) the responses exercised. */
  readonly covered: ReadonlySet<string>;
}

/**
 * Checks every v2 response a recorder holds, for a suite's closing contract test.
 * @example const { violations, covered } = checkRecorded(recorder); expect(violations).toBe('');
 */
export function checkRecorded(recorder: { readonly responses: readonly RecordedResponse[] }, validator = new ContractValidator()): RecordedContract {
  const checks = validator.check(recorder.responses.filter(isV2));
  return { violations: describeViolations(checks), covered: new Set(checks.flatMap((c) => (c.schemaKey ? [c.schemaKey] : []))) };
}
