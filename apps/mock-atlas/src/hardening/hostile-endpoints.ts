// Every endpoint the hostile corpus attacks, taken from real sources so that a new one is covered
// without anyone editing the corpus: the Atlas operations from the generated operations table
// (libs/atlas-http versions.generated.ts, cut from the official contract), the control API and
// the OAuth endpoints from the routes the Express app actually declares.
import { OPERATION_VERSIONS, type OperationKey } from '@mock-atlas/atlas-http';
import type { Express } from 'express';

/** Where an endpoint lives. */
export type EndpointArea = 'v1.0' | 'v2' | 'oauth' | 'control';

/** What an endpoint reads from a request body. */
export type BodyKind = 'json' | 'form' | 'none';

/** One method on one path template. */
export interface Endpoint {
  readonly area: EndpointArea;
  readonly method: string;
  /** The full path template, parameters as `{name}`, e.g. `/api/atlas/v2/groups/{groupId}/clusters`. */
  readonly template: string;
  readonly body: BodyKind;
  /** The Atlas operation (v1.0 and v2 only). */
  readonly operation?: OperationKey;
}

/** The mount points of the app (src/app.ts). */
export const MOUNTS: Readonly<Record<EndpointArea, string>> = {
  'v1.0': '/api/atlas/v1.0',
  v2: '/api/atlas/v2',
  oauth: '/api/oauth',
  control: '/_mock',
};

/**
 * Operations of the table the mock does not serve: their paths exist, so every method of them
 * answers 405 METHOD_NOT_ALLOWED (the corpus checks that). Remove an entry when its route lands;
 * the route-agreement test fails until then.
 */
export const NOT_SERVED: ReadonlySet<OperationKey> = new Set<OperationKey>([
  'PATCH /groups/{groupId}',
  'DELETE /groups/{groupId}',
  'POST /groups/{groupId}/alertConfigs',
]);

/**
 * Control endpoints that take a POST without reading a body (a body sent to them is ignored, as
 * Atlas ignores one on a GET): only the path- and header-level cases apply to them.
 */
export const BODYLESS_CONTROL_POSTS: ReadonlySet<string> = new Set(['POST /_mock/reset', 'POST /_mock/groups/{groupId}/encryptionAtRest/validate']);

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** An Express `:name` path as a `{name}` template (`/groups/:groupId` → `/groups/{groupId}`). */
function templateOf(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/**
 * The Atlas endpoints of the table: every served operation under both base paths.
 * @example atlasEndpoints()[0] // { area: 'v1.0', method: 'GET', template: '/api/atlas/v1.0/groups/{groupId}', body: 'none', operation: 'GET /groups/{groupId}' }
 */
export function atlasEndpoints(): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const key of Object.keys(OPERATION_VERSIONS) as OperationKey[]) {
    if (NOT_SERVED.has(key)) continue;
    const op = OPERATION_VERSIONS[key];
    const takesBody = op.versions.some((v) => 'requestSchema' in v);
    const relative = op.path.slice(MOUNTS.v2.length);
    for (const area of ['v1.0', 'v2'] as const) {
      endpoints.push({ area, method: op.method, template: `${MOUNTS[area]}${relative}`, body: takesBody ? 'json' : 'none', operation: key });
    }
  }
  return endpoints;
}

/**
 * The not-served operations, under both base paths.
 * @example notServedEndpoints().map((e) => `${e.method} ${e.template}`) // ['PATCH /api/atlas/v1.0/groups/{groupId}', …]
 */
export function notServedEndpoints(): Endpoint[] {
  return [...NOT_SERVED].flatMap((key) => {
    const op = OPERATION_VERSIONS[key];
    const relative = op.path.slice(MOUNTS.v2.length);
    return (['v1.0', 'v2'] as const).map((area) => ({ area, method: op.method, template: `${MOUNTS[area]}${relative}`, body: 'none' as const, operation: key }));
  });
}

/** The parts of Express 5's router this reads (router 2.x: `rawPath` of a mount, `route.methods`). */
interface RouterLayer {
  readonly rawPath?: string;
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
  readonly handle?: { readonly stack?: readonly RouterLayer[] };
}

/**
 * Every `METHOD /full/template` the app routes, by mount point (405 handlers and HEAD excluded).
 * @example declaredRoutes(createApp({ store, env: {} })).get('/_mock') // ['POST /_mock/reset', …]
 */
export function declaredRoutes(app: Express): Map<string, string[]> {
  const byMount = new Map<string, string[]>();
  const stack = (app as unknown as { router: { stack: readonly RouterLayer[] } }).router.stack;
  for (const layer of stack) {
    const mount = layer.rawPath;
    if (typeof mount !== 'string' || !layer.handle?.stack) continue;
    const routes = byMount.get(mount) ?? [];
    for (const sub of layer.handle.stack) {
      if (!sub.route) continue;
      for (const [method, on] of Object.entries(sub.route.methods)) {
        if (on && method !== '_all') routes.push(`${method.toUpperCase()} ${templateOf(`${mount}${sub.route.path}`)}`);
      }
    }
    byMount.set(mount, routes);
  }
  return byMount;
}

/**
 * The control API and OAuth endpoints as the app declares them; POST/PUT/PATCH read a body
 * (JSON, or a form under /api/oauth) unless listed in {@link BODYLESS_CONTROL_POSTS}.
 * @example declaredEndpoints(app).find((e) => e.template === '/_mock/state' && e.method === 'PUT') // { area: 'control', body: 'json', … }
 */
export function declaredEndpoints(app: Express): Endpoint[] {
  const routes = declaredRoutes(app);
  const endpoints: Endpoint[] = [];
  for (const area of ['oauth', 'control'] as const) {
    for (const route of routes.get(MOUNTS[area]) ?? []) {
      const [method = '', template = ''] = route.split(' ');
      const body: BodyKind = !WITH_BODY.has(method) || BODYLESS_CONTROL_POSTS.has(route) ? 'none' : area === 'oauth' ? 'form' : 'json';
      endpoints.push({ area, method, template, body });
    }
  }
  return endpoints;
}
