// Reads the multi-version OpenAPI subset and writes versions.generated.ts. Pure: the script in
// tools/spec-build/extract-versions.ts does the file I/O, and the freshness test runs the same
// function over the same spec to prove the committed file is current.
import type { HttpMethod, OperationVersion, OperationVersions } from './operation-versions';
import { roleIdOf, type RoleId } from './roles';

const API_V2 = '/api/atlas/v2';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
const MEDIA_TYPE = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/;

/**
 * Operations the subset does not hold but the mock serves. Each cites its source.
 * GET /groups (listGroups): one version, 2023-01-01, and "the requesting Service Account or API
 * Key must have the Organization Read Only role or higher" [doc: mongodb.com/docs/atlas/cli/current/command/atlas-api-projects-listgroups].
 */
export const SUPPLEMENTARY_OPERATIONS: readonly OperationVersions[] = [
  {
    method: 'GET',
    path: `${API_V2}/groups`,
    operationId: 'listGroups',
    successStatus: 200,
    roles: ['Organization Read Only'],
    roleIds: ['ORG_READ_ONLY'],
    versions: [{ date: '2023-01-01' }],
    source: 'docs',
  },
];

interface MediaTypeObject {
  readonly schema?: { readonly $ref?: string };
  readonly 'x-sunset'?: string;
}
interface OperationObject {
  readonly operationId?: string;
  readonly 'x-xgen-operation-id-override'?: string;
  readonly 'x-rolesRequirements'?: readonly string[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, MediaTypeObject>> };
  readonly responses?: Readonly<Record<string, { readonly content?: Readonly<Record<string, MediaTypeObject>> }>>;
}
/** The part of an OpenAPI document the extractor reads. */
export interface SpecDocument {
  readonly info?: { readonly 'x-xgen-sha'?: string; readonly 'x-subset-of'?: { readonly repository?: string; readonly commit?: string } };
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

function schemaName(media: MediaTypeObject | undefined): string | undefined {
  const ref = media?.schema?.$ref;
  return ref ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

function datesOf(content: Readonly<Record<string, MediaTypeObject>> | undefined): Map<string, MediaTypeObject> {
  const out = new Map<string, MediaTypeObject>();
  for (const [type, media] of Object.entries(content ?? {})) {
    const date = MEDIA_TYPE.exec(type)?.[1];
    if (date) out.set(date, media);
  }
  return out;
}

function roleIds(roles: readonly string[], where: string): RoleId[] {
  return roles.map((name) => {
    const id = roleIdOf(name);
    if (!id) throw new Error(`${where}: x-rolesRequirements names "${name}", which roles.ts does not map to a role id`);
    return id;
  });
}

function operationOf(path: string, method: HttpMethod, op: OperationObject): OperationVersions {
  const where = `${method} ${path}`;
  const success = Object.entries(op.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
  if (!success) throw new Error(`${where}: no 2xx response`);
  const responses = datesOf(success[1].content);
  const requests = datesOf(op.requestBody?.content);
  const dates = [...new Set([...responses.keys(), ...requests.keys()])].sort();
  if (dates.length === 0) throw new Error(`${where}: no application/vnd.atlas.<date>+json media type`);
  const versions = dates.map((date, i): OperationVersion => {
    const response = responses.get(date);
    const responseSchema = schemaName(response);
    const requestSchema = schemaName(requests.get(date));
    const sunset = response?.['x-sunset'] ?? requests.get(date)?.['x-sunset'];
    const deprecation = dates[i + 1];
    return {
      date,
      ...(responseSchema ? { responseSchema } : {}),
      ...(requestSchema ? { requestSchema } : {}),
      ...(sunset ? { sunset } : {}),
      ...(deprecation ? { deprecation } : {}),
    };
  });
  const roles = op['x-rolesRequirements'] ?? [];
  const operationId = op.operationId ?? where;
  const sdk = op['x-xgen-operation-id-override'];
  return {
    method,
    path,
    operationId,
    ...(sdk && sdk !== operationId ? { sdkOperationId: sdk } : {}),
    successStatus: Number(success[0]),
    roles,
    roleIds: roleIds(roles, where),
    versions,
    source: 'spec',
  };
}

/** The key of an operation: method and path relative to `/api/atlas/v2`, e.g. `GET /groups/{groupId}/clusters`. */
export function operationKeyOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.startsWith(API_V2) ? path.slice(API_V2.length) : path}`;
}

/** Every operation of the spec plus the supplementary ones, keyed by {@link operationKeyOf}, in spec order. */
export function extractOperationVersions(spec: SpecDocument): Record<string, OperationVersions> {
  const out: Record<string, OperationVersions> = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (op && typeof op === 'object') out[operationKeyOf(method, path)] = operationOf(path, method, op as OperationObject);
    }
  }
  for (const extra of SUPPLEMENTARY_OPERATIONS) {
    const key = operationKeyOf(extra.method, extra.path);
    if (!out[key]) out[key] = extra;
  }
  return out;
}

/** The text of versions.generated.ts for a spec (what the generator writes and the freshness test compares). */
export function renderVersionsModule(spec: SpecDocument, specPath: string): string {
  const table = extractOperationVersions(spec);
  const origin = spec.info?.['x-subset-of'];
  const provenance = [origin?.repository, origin?.commit && `@ ${origin.commit}`, spec.info?.['x-xgen-sha'] && `(x-xgen-sha ${spec.info['x-xgen-sha']})`]
    .filter(Boolean)
    .join(' ');
  return [
    '// generated — do not edit. Regenerate with `npx tsx tools/spec-build/extract-versions.ts`;',
    '// versions.generated.spec.ts fails when this file and the spec disagree.',
    `// Source: ${specPath}`,
    ...(provenance ? [`// Cut from: ${provenance}`] : []),
    "import type { OperationVersions } from './operation-versions';",
    '',
    '/** Every operation the mock serves: media-type versions, sunset and deprecation dates, required roles. */',
    `export const OPERATION_VERSIONS = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationVersions>;`,
    '',
    '/** An operation: method and path relative to `/api/atlas/v2`, e.g. `GET /groups/{groupId}/clusters`. */',
    'export type OperationKey = keyof typeof OPERATION_VERSIONS;',
    '',
  ].join('\n');
}
