// The hostile-input corpus: every endpoint (hostile-endpoints.ts) crossed with every kind of bad input a
// client, a fuzzer or an attacker can send, each with the Atlas error it must get. Expectations
// follow the official error table (README §5.2: MALFORMED_JSON, INVALID_JSON, INVALID_ATTRIBUTE,
// INVALID_GROUP_ID, the *_NOT_FOUND codes, 406 INVALID_VERSION_DATE) and, where Atlas has no code,
// the catalogue's own codes marked as ours (413, 415, 405, the parser-level 400/431).
import { OPERATION_VERSIONS, type AtlasErrorCode } from '@mock-atlas/atlas-http';
import { CLIENT_V2_ACCEPT } from '../testing/clients';
import { loadSpec } from '../testing/contract';
import { isObject, type Json, type JsonObject } from '../testing/spec-schemas';
import type { Endpoint } from './hostile-endpoints';
import type { RawRequest } from './raw-http';

/** What kind of hostility a case carries. */
export type Category =
  | 'malformed-json'
  | 'content-type'
  | 'empty-body'
  | 'non-object-json'
  | 'wrong-type'
  | 'unknown-field'
  | 'prototype-key'
  | 'huge-body'
  | 'deep-nesting'
  | 'invalid-utf8-body'
  | 'path-traversal'
  | 'invalid-utf8-path'
  | 'huge-url'
  | 'accept-version'
  | 'http-framing'
  | 'not-served';

/** One acceptable answer: a status and the errorCodes allowed with it (empty: any catalogue code of that status). */
export interface Outcome {
  readonly status: number;
  readonly codes: readonly AtlasErrorCode[];
}

/** What a case must get back: an Atlas error body, or (OAuth endpoints) an RFC 6749 §5.2 error. */
export type Expectation = { readonly kind: 'atlas'; readonly outcomes: readonly Outcome[] } | { readonly kind: 'oauth'; readonly statuses: readonly number[] };

/** One hostile request and what it must get. */
export interface HostileCase {
  /** Unique, readable: `PATCH /api/atlas/v2/groups/{groupId}/encryptionAtRest · prototype-key · nested __proto__`. */
  readonly id: string;
  readonly category: Category;
  readonly endpoint: Endpoint;
  readonly request: RawRequest;
  readonly expect: Expectation;
}

/** The ids the corpus fills path templates with: the demo project's (examples/demo-project.yaml). */
export type PathIds = Readonly<Record<string, string>>;

/** The corpus's inputs: path ids and the credentials each area needs. */
export interface CorpusContext {
  readonly ids: PathIds;
  /** The Authorization header of a Project Owner (Bearer token), for the Atlas API. */
  readonly authorization: string;
}

const MiB = 1024 * 1024;

// ── expectations ────────────────────────────────────────────────────────────────────────────

const atlas = (...outcomes: Outcome[]): Expectation => ({ kind: 'atlas', outcomes });
const one = (status: number, ...codes: AtlasErrorCode[]): Outcome => ({ status, codes });

/** README §5.2's request-shape codes: what a body of the wrong shape or type may be refused with. */
const SHAPE_CODES: readonly AtlasErrorCode[] = [
  'INVALID_JSON',
  'INVALID_JSON_ATTRIBUTE',
  'INVALID_ATTRIBUTE',
  'INVALID_ENUM_VALUE',
  'MISSING_ATTRIBUTE',
  'MISSING_ATTRIBUTES',
  'MISSING_ONE_OF_ATTRIBUTES',
  'MISSING_OR_INVALID_ATTRIBUTE',
  'ATTRIBUTE_READ_ONLY',
  'VALIDATION_ERROR',
];

/** The 404 of each path parameter when it names nothing (README §5.2; INVALID_GROUP_ID for a non-hex id, D). */
const NOT_FOUND_OF: Readonly<Record<string, AtlasErrorCode>> = {
  groupId: 'INVALID_GROUP_ID',
  clusterName: 'CLUSTER_NOT_FOUND',
  snapshotId: 'SNAPSHOT_NOT_FOUND',
  restoreJobId: 'RESTORE_JOB_NOT_FOUND',
};

/**
 * A mangled path parameter: its own 404, or no route at all (404 RESOURCE_NOT_FOUND), or a
 * refused parameter (400 INVALID_PATH_PARAMETER), or a parameter Express cannot decode (400
 * VALIDATION_ERROR, errors.ts).
 */
function pathOutcomes(param: string | undefined, raw: string | Buffer): Outcome[] {
  // An extra segment may turn a list path into an item path: any parameter's 404 then fits.
  const own = param === undefined ? Object.values(NOT_FOUND_OF) : NOT_FOUND_OF[param] ? [NOT_FOUND_OF[param]] : [];
  const outcomes = [one(404, 'RESOURCE_NOT_FOUND', ...own), one(400, 'INVALID_PATH_PARAMETER', 'VALIDATION_ERROR')];
  // Raw bytes above 0x7F in the request target: Node's parser refuses the request line itself.
  return typeof raw === 'string' ? outcomes : [...outcomes, one(400, 'MALFORMED_HTTP_REQUEST')];
}

// ── paths ───────────────────────────────────────────────────────────────────────────────────

/**
 * The template's parameters in order.
 * @example paramsOf('/api/atlas/v2/groups/{groupId}/clusters/{clusterName}') // ['groupId', 'clusterName']
 */
export function paramsOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/**
 * The template filled with `ids` (URI-encoded), one parameter optionally replaced by raw text.
 * @example fillPath('/groups/{groupId}', { groupId: 'g1' }, { param: 'groupId', raw: '%2e%2e' }) // '/groups/%2e%2e'
 */
export function fillPath(template: string, ids: PathIds, replace?: { readonly param: string; readonly raw: string }): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (replace && replace.param === name) return replace.raw;
    const id = ids[name];
    if (id === undefined) throw new Error(`no id for {${name}} in ${template}`);
    return encodeURIComponent(id);
  });
}

// ── request bodies from the contract ────────────────────────────────────────────────────────

/** A top-level request property of the served version, from the spec: its name and JSON type. */
interface BodyProperty {
  readonly name: string;
  readonly type: 'object' | 'array' | 'string' | 'boolean' | 'number';
  /** Whether the spec lists the values the property may take. */
  readonly enumerated: boolean;
}

function resolve(spec: ReturnType<typeof loadSpec>, schema: Json | undefined): JsonObject | undefined {
  if (!isObject(schema)) return undefined;
  const ref = schema['$ref'];
  if (typeof ref === 'string') return resolve(spec, spec.components['schemas']?.[ref.split('/').pop() ?? '']);
  return schema;
}

function collectProperties(spec: ReturnType<typeof loadSpec>, schema: Json | undefined, into: Map<string, JsonObject>): void {
  const s = resolve(spec, schema);
  if (!s) return;
  for (const part of Array.isArray(s['allOf']) ? s['allOf'] : []) collectProperties(spec, part, into);
  if (Array.isArray(s['oneOf'])) collectProperties(spec, s['oneOf'][0], into);
  const properties = isObject(s['properties']) ? s['properties'] : {};
  for (const [name, property] of Object.entries(properties)) if (isObject(property) && !into.has(name)) into.set(name, property);
}

function jsonTypeOf(spec: ReturnType<typeof loadSpec>, property: JsonObject): BodyProperty['type'] | undefined {
  const s = resolve(spec, property) ?? property;
  if (property['readOnly'] === true || s['readOnly'] === true) return undefined;
  const type = s['type'];
  if (type === 'object' || (type === undefined && isObject(s['properties']))) return 'object';
  if (type === 'array' || type === 'string' || type === 'boolean') return type;
  if (type === 'integer' || type === 'number') return 'number';
  return undefined;
}

/**
 * The writable top-level properties of the request body the endpoint is served with: v1.0 and
 * v2's oldest version share the legacy layout; a v2 client sending 2025-03-12 gets the newest.
 * @example bodyProperties(ear) // [{ name: 'awsKms', type: 'object', enumerated: false }, …]
 */
export function bodyProperties(endpoint: Endpoint): BodyProperty[] {
  if (!endpoint.operation) return [];
  const versions = OPERATION_VERSIONS[endpoint.operation].versions.filter((v) => 'requestSchema' in v);
  const version = endpoint.area === 'v1.0' ? versions[0] : versions[versions.length - 1];
  if (!version || !('requestSchema' in version)) return [];
  const spec = loadSpec();
  const into = new Map<string, JsonObject>();
  collectProperties(spec, { $ref: `#/components/schemas/${version.requestSchema}` }, into);
  return [...into].flatMap(([name, property]) => {
    const type = jsonTypeOf(spec, property);
    return type ? [{ name, type, enumerated: Array.isArray((resolve(spec, property) ?? property)['enum']) }] : [];
  });
}

/** A value of the wrong JSON type for a property. */
function wrongValue(type: BodyProperty['type']): unknown {
  switch (type) {
    case 'object':
      return 'not-an-object';
    case 'array':
      return { not: 'an array' };
    case 'string':
      return 12345;
    case 'boolean':
      return 'yes';
    case 'number':
      return 'twelve';
  }
}

/**
 * Where nested hostile keys go: a writable object property of the body (the EAR provider, a
 * cluster's settings), else its first writable property. Control endpoints have no schema: the
 * property their body is built around.
 */
const CONTROL_CARRIERS: Readonly<Record<string, string>> = {
  'POST /_mock/projects': 'project',
  'PUT /_mock/state': 'projects',
  'POST /_mock/kms/keys': 'provider',
  'POST /_mock/kms/credentials': 'provider',
  'POST /_mock/apiKeys': 'roles',
  'POST /_mock/serviceAccounts': 'roles',
  'POST /_mock/clock': 'advance',
  'POST /_mock/faults': 'path',
};

function carrierOf(endpoint: Endpoint): string | undefined {
  if (endpoint.area === 'control') return CONTROL_CARRIERS[`${endpoint.method} ${endpoint.template}`];
  const properties = bodyProperties(endpoint);
  return (properties.find((p) => p.type === 'object') ?? properties[0])?.name;
}

// ── hostile bodies ──────────────────────────────────────────────────────────────────────────

const POLLUTE = { polluted: 'yes' };

/**
 * `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels, built as text (building it as a value would need the recursion under test).
 * @example deepJson(2, 'object') // '{"a":{"a":1}}'
 */
export function deepJson(depth: number, kind: 'array' | 'object', inner = '1'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
}

/** A JSON text with a literal `__proto__` key: `JSON.stringify` of an object literal would drop it. */
function withKey(key: string, value: unknown, under?: string): string {
  const inner = `{${JSON.stringify(key)}:${JSON.stringify(value)}}`;
  return under === undefined ? inner : `{${JSON.stringify(under)}:${inner}}`;
}

/** A body: bytes and the headers that frame them. */
interface BodySpec {
  readonly name: string;
  readonly category: Category;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  readonly expect: Expectation;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** The body cases of a JSON endpoint. `strict`: Atlas semantics (a schema is known); else the control API's. */
function jsonBodyCases(endpoint: Endpoint): BodySpec[] {
  const key = `${endpoint.method} ${endpoint.template}`;
  const atlasArea = endpoint.area === 'v1.0' || endpoint.area === 'v2';
  const carrier = carrierOf(endpoint);
  const malformed = atlas(one(400, 'MALFORMED_JSON'));
  const notObject = atlas(one(400, 'INVALID_JSON'));
  const unsupported = atlas(one(415, 'UNSUPPORTED_MEDIA_TYPE'));
  // An unknown or prototype key: Atlas names it (INVALID_ATTRIBUTE), unless a required attribute
  // is missing too and is named first; the control API refuses a body that is not what it takes
  // with any 400 of the catalogue.
  const refusedKey = atlasArea ? atlas(one(400, 'INVALID_ATTRIBUTE', 'MISSING_ATTRIBUTE', 'MISSING_ATTRIBUTES', 'MISSING_ONE_OF_ATTRIBUTES')) : atlas(one(400));
  const refusedShape = atlasArea ? atlas(one(400, ...SHAPE_CODES)) : atlas(one(400));
  // /_mock/state takes a whole exported state: 10 MB is within its limit, and is refused as a state.
  const bigLimit = key === 'PUT /_mock/state' ? 64 * MiB : MiB;
  const tooLarge = 10 * MiB > bigLimit ? atlas(one(413, 'PAYLOAD_TOO_LARGE')) : atlas(one(400));
  const tenMiB = `{"x":"${'a'.repeat(10 * MiB)}"}`;
  const cases: BodySpec[] = [
    // malformed JSON
    { name: 'truncated', category: 'malformed-json', body: '{"a":', expect: malformed },
    { name: 'single quotes', category: 'malformed-json', body: "{'a':1}", expect: malformed },
    { name: 'trailing comma', category: 'malformed-json', body: '{"a":1,}', expect: malformed },
    { name: 'two documents', category: 'malformed-json', body: '{}{}', expect: malformed },
    { name: 'bare word', category: 'malformed-json', body: 'undefined', expect: malformed },
    { name: 'NaN', category: 'malformed-json', body: '{"a":NaN}', expect: malformed },
    { name: 'NUL byte', category: 'malformed-json', body: '\u0000', expect: malformed },
    // RFC 8259 §8.1 lets a parser skip one byte order mark; a second one is text before the value.
    { name: 'two byte order marks', category: 'malformed-json', body: '\ufeff\ufeff{}', expect: malformed },
    { name: 'unterminated string', category: 'malformed-json', body: '{"a":"b', expect: malformed },
    { name: 'unpaired brackets', category: 'malformed-json', body: deepJson(50, 'array').slice(0, -1), expect: malformed },
    // content types
    ...[
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/jsonx',
      'application/vnd.atlas.2023-01-01+xml',
    ].map((type): BodySpec => ({ name: type, category: 'content-type', body: '{}', headers: { 'Content-Type': type }, expect: unsupported })),
    { name: 'no Content-Type', category: 'content-type', body: '{}', headers: {}, expect: unsupported },
    // empty bodies: every body of the contract is `required: true`
    { name: 'Content-Length 0', category: 'empty-body', body: '', headers: { ...JSON_TYPE, 'Content-Length': '0' }, expect: malformed },
    { name: 'zero chunks', category: 'empty-body', body: '0\r\n\r\n', headers: { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' }, expect: malformed },
    { name: 'whitespace only', category: 'empty-body', body: ' \r\n\t ', expect: malformed },
    // valid JSON that is not an object
    ...['[]', '[{}]', '"text"', '42', 'null', 'true'].map((body): BodySpec => ({ name: body, category: 'non-object-json', body, expect: notObject })),
    // unknown fields
    { name: 'unknown top-level field', category: 'unknown-field', body: '{"hostileUnknownField":1}', expect: refusedKey },
    { name: 'an empty key', category: 'unknown-field', body: '{"":1}', expect: refusedKey },
    // Under the 1 MiB limit, so it reaches the handlers: the "did you mean" search once compared it
    // cell by cell with every known name (seconds of CPU, then the heap).
    { name: 'a 1,000,000-character key', category: 'unknown-field', body: withKey('k'.repeat(1_000_000), 1), expect: refusedKey },
    // prototype keys, top level
    { name: '__proto__', category: 'prototype-key', body: withKey('__proto__', POLLUTE), expect: refusedKey },
    { name: 'constructor.prototype', category: 'prototype-key', body: withKey('constructor', { prototype: POLLUTE }), expect: refusedKey },
    { name: 'prototype', category: 'prototype-key', body: withKey('prototype', POLLUTE), expect: refusedKey },
    { name: '__proto__ as a scalar', category: 'prototype-key', body: withKey('__proto__', null), expect: refusedKey },
    // 10 MB
    { name: '10 MiB, Content-Length', category: 'huge-body', body: tenMiB, expect: tooLarge },
    { name: '10 MiB, chunked', category: 'huge-body', body: chunked(tenMiB), headers: { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' }, expect: tooLarge },
    // 10,000 levels
    { name: 'arrays 10,000 deep', category: 'deep-nesting', body: deepJson(10_000, 'array'), expect: notObject },
    { name: 'objects 10,000 deep', category: 'deep-nesting', body: deepJson(10_000, 'object'), expect: refusedKey },
    // invalid UTF-8 inside a JSON string
    ...[
      ['0xFF', Buffer.from([0xff])],
      ['overlong "/"', Buffer.from([0xc0, 0xaf])],
      ['UTF-16 surrogate', Buffer.from([0xed, 0xa0, 0x80])],
      ['truncated sequence', Buffer.from([0xe2, 0x82])],
    ].map(
      ([name, bytes]): BodySpec => ({
        name: String(name),
        category: 'invalid-utf8-body',
        body: Buffer.concat([Buffer.from(`{${JSON.stringify(carrier ?? 'x')}:"`), bytes as Buffer, Buffer.from('"}')]),
        expect: malformed,
      }),
    ),
  ];
  if (carrier !== undefined) {
    cases.push(
      { name: `nested __proto__ in ${carrier}`, category: 'prototype-key', body: withKey('__proto__', POLLUTE, carrier), expect: refusedShape },
      { name: `nested constructor.prototype in ${carrier}`, category: 'prototype-key', body: withKey('constructor', { prototype: POLLUTE }, carrier), expect: refusedShape },
      { name: `nested prototype in ${carrier}`, category: 'prototype-key', body: withKey('prototype', POLLUTE, carrier), expect: refusedShape },
      { name: `unknown field in ${carrier}`, category: 'unknown-field', body: withKey('hostileUnknownField', 1, carrier), expect: refusedShape },
      { name: `arrays 10,000 deep in ${carrier}`, category: 'deep-nesting', body: `{${JSON.stringify(carrier)}:${deepJson(10_000, 'array')}}`, expect: refusedShape },
      { name: `objects 10,000 deep in ${carrier}`, category: 'deep-nesting', body: `{${JSON.stringify(carrier)}:${deepJson(10_000, 'object')}}`, expect: refusedShape },
      {
        name: `__proto__ 10,000 deep in ${carrier}`,
        category: 'deep-nesting',
        body: `{${JSON.stringify(carrier)}:${'{"__proto__":'.repeat(10_000)}{"polluted":"yes"}${'}'.repeat(10_000)}}`,
        expect: refusedShape,
      },
    );
  }
  const enumerated = bodyProperties(endpoint).find((p) => p.enumerated);
  if (enumerated) {
    // A value "did you mean" must not compare cell by cell with every allowed value.
    cases.push({ name: `a 1,000,000-character value of ${enumerated.name}`, category: 'wrong-type', body: JSON.stringify({ [enumerated.name]: 'v'.repeat(1_000_000) }), expect: refusedShape });
  }
  for (const property of bodyProperties(endpoint)) {
    cases.push({
      name: `${property.name} (${property.type}) as ${JSON.stringify(wrongValue(property.type))}`,
      category: 'wrong-type',
      body: JSON.stringify({ [property.name]: wrongValue(property.type) }),
      expect: refusedShape,
    });
  }
  return cases;
}

/** The body cases of the OAuth endpoints (form bodies; RFC 6749 §5.2 errors, 401 for a client that is not authenticated). */
function formBodyCases(): BodySpec[] {
  const refused: Expectation = { kind: 'oauth', statuses: [400, 401] };
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  return [
    { name: 'JSON instead of a form', category: 'content-type', body: '{"grant_type":"client_credentials"}', headers: JSON_TYPE, expect: refused },
    { name: 'no Content-Type', category: 'content-type', body: 'grant_type=client_credentials', headers: {}, expect: refused },
    { name: 'empty', category: 'empty-body', body: '', headers: { ...form, 'Content-Length': '0' }, expect: refused },
    { name: 'broken percent-encoding', category: 'malformed-json', body: 'grant_type=%zz&client_id=%', headers: form, expect: refused },
    { name: '__proto__ fields', category: 'prototype-key', body: '__proto__[polluted]=yes&constructor[prototype][polluted]=yes&grant_type=client_credentials', headers: form, expect: refused },
    { name: 'repeated grant_type', category: 'wrong-type', body: 'grant_type=client_credentials&grant_type=password', headers: form, expect: refused },
    { name: '10 MiB', category: 'huge-body', body: `grant_type=${'a'.repeat(10 * MiB)}`, headers: form, expect: refused },
    { name: 'invalid UTF-8', category: 'invalid-utf8-body', body: Buffer.from([0x67, 0x3d, 0xff, 0xfe]), headers: form, expect: refused },
  ];
}

/** `text` as one chunk of chunked transfer coding, then the last chunk. */
function chunked(text: string): string {
  return `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n0\r\n\r\n`;
}

// ── path, URL, header and framing attacks ───────────────────────────────────────────────────

/** Raw replacements for a path parameter: traversal, encoded separators, NUL. */
const TRAVERSALS: readonly string[] = [
  '..',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2f_mock%2freset',
  '..%5c..%5c_mock',
  'a%2fb',
  '%00',
  'orders%00.json',
  '%252e%252e%252f',
  '../../../../../../_mock/reset',
];

/** Invalid UTF-8 in the path: percent-encoded (Express must decode it) and as raw bytes (the parser sees them). */
const BAD_UTF8_PATHS: readonly (readonly [string, string | Buffer])[] = [
  ['%FF', '%ff'],
  ['%C0%AF (overlong "/")', '%c0%af'],
  ['%ED%A0%80 (surrogate)', '%ed%a0%80'],
  ['%E2%82 (truncated)', '%e2%82'],
  ['raw 0xFF', Buffer.from([0xff])],
  ['raw 0xC0 0xAF', Buffer.from([0xc0, 0xaf])],
];

/** Accept headers that name no version a v2 operation has (docs/mock-atlas.md: 406 INVALID_VERSION_DATE). */
const BAD_ACCEPTS: readonly string[] = [
  'application/vnd.atlas.1999-01-01+json',
  'application/vnd.atlas.2023-13-45+json',
  'application/vnd.atlas.latest+json',
  'application/vnd.atlas.+json',
  'application/vnd.atlas.2023-01-01+xml',
  'application/json',
  'text/html',
  'application/vnd.atlas.2025-03-12',
  // 12 KB of versions, within the 16 KB header limit: resolving them must not take long or fail.
  Array.from({ length: 300 }, () => 'application/vnd.atlas.0000-00-00+json').join(', '),
];

function targetWith(endpoint: Endpoint, ids: PathIds, param: string | undefined, raw: string | Buffer): string | Buffer {
  if (param !== undefined && typeof raw === 'string') return fillPath(endpoint.template, ids, { param, raw });
  const marker = '\u0000HOSTILE\u0000';
  const text = param === undefined ? `${fillPath(endpoint.template, ids)}/${marker}` : fillPath(endpoint.template, ids, { param, raw: marker });
  if (typeof raw === 'string') return text.replace(marker, raw);
  const [before = '', after = ''] = text.split(marker);
  return Buffer.concat([Buffer.from(before), raw, Buffer.from(after)]);
}

/** A case before the corpus names its endpoint. */
interface Draft {
  readonly name: string;
  readonly category: Category;
  readonly request: RawRequest;
  readonly expect: Expectation;
}

/** The parser-level cases: the request never reaches a route (server/client-errors.ts). */
function framingCases(endpoint: Endpoint, ids: PathIds, headers: Record<string, string>): Draft[] {
  const target = fillPath(endpoint.template, ids);
  const badRequest = atlas(one(400, 'MALFORMED_HTTP_REQUEST'));
  const tooLarge = atlas(one(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'));
  const huge = (name: string, request: RawRequest): Draft => ({ name, category: 'huge-url', request, expect: tooLarge });
  const broken = (name: string, request: RawRequest): Draft => ({ name, category: 'http-framing', request, expect: badRequest });
  const cases: Draft[] = [
    huge('100 KB query string', { method: endpoint.method, target: `${target}?q=${'a'.repeat(100 * 1024)}`, headers }),
    huge('1 MB query string', { method: endpoint.method, target: `${target}?q=${'a'.repeat(1024 * 1024)}`, headers }),
    huge('100 KB path segment', { method: endpoint.method, target: `${target}/${'a'.repeat(100 * 1024)}`, headers }),
    huge('64 KB header', { method: endpoint.method, target, headers: { ...headers, 'X-Filler': 'a'.repeat(64 * 1024) } }),
    broken('a request line with two versions', { method: endpoint.method, target: `${target} HTTP/1.1x`, headers }),
    broken('lower-case method', { method: endpoint.method.toLowerCase(), target, headers }),
    broken('space in header name', { method: endpoint.method, target, headers: { ...headers, 'X-Bad Header': '1' } }),
    broken('NUL in header value', { method: endpoint.method, target, headers: { ...headers, 'X-Nul': 'a\u0000b' } }),
    broken('Content-Length and Transfer-Encoding', {
      method: endpoint.method,
      target,
      headers: { ...headers, 'Content-Length': '2', 'Transfer-Encoding': 'chunked' },
      body: '2\r\n{}\r\n0\r\n\r\n',
    }),
    broken('two Content-Lengths', { method: endpoint.method, target, headers: { ...headers, 'Content-Length': '2, 3' }, body: '{}' }),
    broken('negative Content-Length', { method: endpoint.method, target, headers: { ...headers, 'Content-Length': '-1' } }),
  ];
  // Broken chunked bodies are met only while the body is read, so only where one is read; a
  // route that reads none has answered before the broken chunk arrives, as any server would.
  if (endpoint.body !== 'none') {
    const chunkedHeaders = { ...headers, 'Content-Type': endpoint.body === 'form' ? 'application/x-www-form-urlencoded' : 'application/json', 'Transfer-Encoding': 'chunked' };
    const chunkedBody = (body: string): RawRequest => ({ method: endpoint.method, target, headers: chunkedHeaders, body });
    cases.push(
      broken('chunk size zz', chunkedBody('zz\r\n{}\r\n0\r\n\r\n')),
      broken('chunk size overflow', chunkedBody('fffffffffffffffffff\r\n{}\r\n0\r\n\r\n')),
      broken('chunk without CRLF', chunkedBody('2\r\n{}XX0\r\n\r\n')),
      broken('20 KB chunk extension', chunkedBody(`2;${'x'.repeat(20 * 1024)}\r\n{}\r\n0\r\n\r\n`)),
    );
  }
  return cases;
}

// ── the corpus ──────────────────────────────────────────────────────────────────────────────

function headersFor(endpoint: Endpoint, context: CorpusContext): Record<string, string> {
  if (endpoint.area === 'v2') return { Authorization: context.authorization, Accept: CLIENT_V2_ACCEPT };
  if (endpoint.area === 'v1.0') return { Authorization: context.authorization };
  return {};
}

/**
 * Every hostile case for the given endpoints (Atlas, control, OAuth) and the not-served
 * operations (each answers 405).
 * @example const cases = hostileCorpus([...atlasEndpoints(), ...declaredEndpoints(app)], notServedEndpoints(), context);
 */
export function hostileCorpus(endpoints: readonly Endpoint[], notServed: readonly Endpoint[], context: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (endpoint: Endpoint, category: Category, name: string, request: RawRequest, expect: Expectation): void => {
    cases.push({ id: `${endpoint.method} ${endpoint.template} · ${category} · ${name}`, category, endpoint, request, expect });
  };
  for (const endpoint of endpoints) {
    const headers = headersFor(endpoint, context);
    const target = fillPath(endpoint.template, context.ids);
    // Path and header attacks on an endpoint that reads a body carry a harmless one, so that
    // what refuses them is the attack, not a missing body.
    const harmless: Pick<RawRequest, 'body' | 'headers'> =
      endpoint.body === 'json' ? { headers: { ...headers, ...JSON_TYPE }, body: '{}' } : endpoint.body === 'form' ? { headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' } : { headers };
    const bodies = endpoint.body === 'json' ? jsonBodyCases(endpoint) : endpoint.body === 'form' ? formBodyCases() : [];
    for (const body of bodies) {
      add(endpoint, body.category, body.name, { method: endpoint.method, target, headers: { ...headers, ...(body.headers ?? JSON_TYPE) }, body: body.body }, body.expect);
    }
    const params = paramsOf(endpoint.template);
    for (const param of params.length ? params : [undefined]) {
      for (const raw of TRAVERSALS) {
        add(endpoint, 'path-traversal', `${param ?? 'extra segment'} = ${raw}`, { method: endpoint.method, target: targetWith(endpoint, context.ids, param, raw), ...harmless }, atlas(...pathOutcomes(param, raw)));
      }
    }
    const last = params[params.length - 1];
    for (const [name, raw] of BAD_UTF8_PATHS) {
      add(endpoint, 'invalid-utf8-path', `${last ?? 'extra segment'} = ${name}`, { method: endpoint.method, target: targetWith(endpoint, context.ids, last, raw), ...harmless }, atlas(...pathOutcomes(last, raw)));
    }
    if (endpoint.area === 'v2') {
      for (const accept of BAD_ACCEPTS) {
        const name = `Accept: ${accept.length > 60 ? `${accept.slice(0, 40)}… (${accept.length} chars)` : accept}`;
        add(endpoint, 'accept-version', name, { method: endpoint.method, target, ...harmless, headers: { ...harmless.headers, Accept: accept } }, atlas(one(406, 'INVALID_VERSION_DATE')));
      }
    }
    for (const framing of framingCases(endpoint, context.ids, headers)) add(endpoint, framing.category, framing.name, framing.request, framing.expect);
  }
  for (const endpoint of notServed) {
    const headers = headersFor(endpoint, context);
    const body = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : withKey('__proto__', POLLUTE);
    add(endpoint, 'not-served', 'the method is not routed', { method: endpoint.method, target: fillPath(endpoint.template, context.ids), headers: { ...headers, ...JSON_TYPE }, ...(body ? { body } : {}) }, atlas(one(405, 'METHOD_NOT_ALLOWED')));
  }
  return cases;
}
