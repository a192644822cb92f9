// Check (b): a config applied to an empty project through the Atlas API, one request per
// resource, as a client would apply it. What the API answers each request is the mock's verdict.
import { snapshotFromConfig } from '@mock-atlas/domain';
import { configSteps, isRecord, type Config, type Step } from './config-steps';
import { CALLER } from './fixed-inputs';
import { mediaTypeOf } from './media-type';
import type { MockUnderTest, Reply } from './mock-under-test';

/** What the API answered one step. */
export interface StepOutcome {
  readonly step: string;
  readonly request: string;
  readonly status: number;
  /** The Atlas errorCode of a refusal; undefined when the step succeeded. */
  readonly errorCode?: string;
  readonly detail?: string;
}

/** The outcome of applying a config, or why it could not be applied as a whole. */
export type Application =
  { readonly applied: true; readonly groupId: string; readonly outcomes: readonly StepOutcome[] } | { readonly applied: false; readonly reason: string };

/** Thrown when the harness itself fails (the mock crashed, credentials stopped working). */
export class HarnessError extends Error {}

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) throw new HarnessError(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
}

/** A Bearer token for CALLER, fetched once per mock (the mock's tokens outlive resets). */
const tokens = new WeakMap<MockUnderTest, string>();

/**
 * CALLER's Bearer token on this mock (CALLER must be loaded, as every project this suite loads has it).
 * @example const token = await tokenFor(mock);
 */
export async function tokenFor(mock: MockUnderTest): Promise<string> {
  const cached = tokens.get(mock);
  if (cached) return cached;
  const basic = Buffer.from(`${CALLER.clientId}:${CALLER.clientSecret}`).toString('base64');
  const reply = await mock.send({
    method: 'POST',
    path: '/api/oauth/token',
    authorization: `Basic ${basic}`,
    contentType: 'application/x-www-form-urlencoded',
    body: 'grant_type=client_credentials',
  });
  expectStatus(reply, 200, 'POST /api/oauth/token');
  const token = isRecord(reply.body) ? reply.body['access_token'] : undefined;
  if (typeof token !== 'string') throw new HarnessError(`POST /api/oauth/token gave no access_token: ${JSON.stringify(reply.body)}`);
  tokens.set(mock, token);
  return token;
}

async function send(mock: MockUnderTest, groupId: string, step: Step): Promise<StepOutcome> {
  const root = step.version === 'v1.0' ? '/api/atlas/v1.0' : '/api/atlas/v2';
  const path = `${root}/groups/${groupId}${step.path}`;
  const reply = await mock.send({
    method: step.method,
    path,
    accept: mediaTypeOf(step.version),
    authorization: `Bearer ${await tokenFor(mock)}`,
    body: step.body,
    // A v2 request body is sent in the media type it is versioned by.
    contentType: mediaTypeOf(step.version),
  });
  const request = `${step.method} ${path} (${step.version})`;
  if (reply.status >= 500 || reply.status === 401 || reply.status === 403) {
    throw new HarnessError(`${request} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  if (reply.status === step.successStatus) return { step: step.id, request, status: reply.status };
  const body = isRecord(reply.body) ? reply.body : {};
  const errorCode = typeof body['errorCode'] === 'string' ? body['errorCode'] : `HTTP ${reply.status}`;
  const detail = typeof body['detail'] === 'string' ? body['detail'] : JSON.stringify(reply.body);
  return { step: step.id, request, status: reply.status, errorCode, detail };
}

/**
 * The project alone, loaded through the control API: its name and id, the keys its simulated KMS
 * holds (kms.keys, fixtures the API reads but never writes) and the caller's service account.
 * Loading the keys with the project registers them as POST /_mock/kms/keys would, in one request;
 * a key declared twice is kept in both states, and the first is the one every lookup finds, in the
 * mock as in the replay.
 */
async function emptyProject(mock: MockUnderTest, config: Config): Promise<string | undefined> {
  const project = config['project'];
  if (!isRecord(project)) return undefined;
  const kms = config['kms'];
  const reply = await mock.send({
    method: 'POST',
    path: '/_mock/projects',
    body: { version: 1, project, ...(kms === undefined ? {} : { kms }), serviceAccounts: [{ ...CALLER, roles: [...CALLER.roles] }] },
  });
  if (reply.status !== 201) return undefined;
  const groupId = isRecord(reply.body) ? reply.body['groupId'] : undefined;
  return typeof groupId === 'string' ? groupId : undefined;
}

/**
 * Snapshots cannot be created through the Atlas API with a given id, time and key (Atlas takes
 * them and mints the id), so the config's snapshot fixtures are added to the project through the
 * control API's state import (GET, then PUT /_mock/state), after the clusters and schedules were
 * applied through the Atlas API and before the restore jobs are.
 */
async function importSnapshots(mock: MockUnderTest, config: Config, groupId: string): Promise<string | undefined> {
  const fixtures = Array.isArray(config['snapshots']) ? config['snapshots'] : [];
  if (fixtures.length === 0) return undefined;
  const exported = await mock.send({ method: 'GET', path: '/_mock/state' });
  expectStatus(exported, 200, 'GET /_mock/state');
  const state = exported.body as { projects: Record<string, { snapshots: unknown[] }> };
  const project = state.projects[groupId];
  if (!project) throw new HarnessError(`GET /_mock/state has no project ${groupId}`);
  const snapshots = fixtures.flatMap((item, i) => {
    if (!isRecord(item)) return [];
    const { src: _src, ...snapshot } = snapshotFromConfig(item, ['snapshots', i]);
    return [snapshot];
  });
  project.snapshots = [...project.snapshots, ...snapshots];
  const imported = await mock.send({ method: 'PUT', path: '/_mock/state', body: state });
  return imported.status === 200 ? undefined : `the snapshot fixtures could not be imported: ${JSON.stringify(imported.body)}`;
}

/**
 * Applies a config to an empty mock through the Atlas API, step by step in replay order. Every
 * step is sent even after one is refused, as a client that reports all failures would; a refused
 * request leaves the project as it was, as in the replay.
 * @example const result = await applyThroughApi(mock, config); // result.outcomes[0].errorCode
 */
export async function applyThroughApi(mock: MockUnderTest, config: Config): Promise<Application> {
  expectStatus(await mock.send({ method: 'POST', path: '/_mock/reset?empty=true' }), 200, 'POST /_mock/reset');
  const groupId = await emptyProject(mock, config);
  if (groupId === undefined) return { applied: false, reason: 'the project or its kms.keys are not loadable, so there is no project to apply the config to' };
  const { beforeSnapshots, restores } = configSteps(config);
  const outcomes: StepOutcome[] = [];
  for (const step of beforeSnapshots) outcomes.push(await send(mock, groupId, step));
  if (restores.length > 0) {
    const failed = await importSnapshots(mock, config, groupId);
    if (failed) return { applied: false, reason: failed };
    for (const step of restores) outcomes.push(await send(mock, groupId, step));
  }
  return { applied: true, groupId, outcomes };
}
