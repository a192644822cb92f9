// The concurrency soak (issue 8 §4): many clients, each with a credential of its own, run a
// seeded mix of reads and writes for a while on the same few resources of a running mock
// (clusters of one or two projects, their encryptionAtRest, backup schedules and snapshots),
// while a ticker moves the mock's clock so that deleted clusters go and can be created again.
// It then settles the clock, reads everything back and judges the run: no 5xx, no connection
// error, every body per the official contract, only the refusals racing clients meet in Atlas,
// and — replaying the accepted writes in the order of the mock's journal — no lost update, no
// stale read, a final state that follows from the writes and passes the mock's own state check.
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { checkMockState } from '../server/state-shape';
import { ContractValidator } from '../testing/contract';
import { projectConfig, soakWorld, V20230101, V20240805, type SoakWorld } from './soak-fixture';
import { ConnectionError, ControlApi, SoakClient, type SoakCredentials } from './soak-http';
import { JournalFollower } from './soak-journal';
import { matchJournal } from './soak-match';
import { ReplayModel, serverOrder, type Exchange, type FinalReads } from './soak-model';
import { clusterSeen, earSeen, observe, scheduleSeen, snapshotSeen, type ClusterSeen, type SnapshotSeen } from './soak-observe';
import { clusterKey, planOp, SnapshotBoard, type OpKind } from './soak-ops';
import { clientSeed, SeededRandom } from './soak-random';
import { FAILURE_KINDS, judgeResponse, SoakTally, type FailureKind } from './soak-responses';

export interface SoakOptions {
  /** The mock to soak, e.g. `http://127.0.0.1:8080`; its control API (/_mock) must be on. */
  readonly baseUrl: string;
  readonly clients: number;
  readonly durationMs: number;
  readonly seed: number;
  /** Projects of the run (default 2) and clusters in each (default 3). */
  readonly projects?: number;
  readonly clustersPerProject?: number;
  /**
   * Virtual time each clock tick adds: at least the mock's clusterTransitionMs and backupStepMs,
   * so that a deleted cluster is gone, and a snapshot completed, by the next tick.
   */
  readonly tickMs: number;
  /** Wall time between ticks (default 500 ms). */
  readonly tickEveryMs?: number;
  /** The mock's control token (`--control-token`), when it requires one. */
  readonly controlToken?: string;
  /** Reused across runs in one process: compiling the contract's schemas takes a while. */
  readonly validator?: ContractValidator;
}

/** A soak run's figures and verdict. */
export interface SoakReport {
  readonly ok: boolean;
  readonly baseUrl: string;
  readonly seed: number;
  readonly clients: number;
  readonly projects: number;
  readonly clustersPerProject: number;
  /** The projects the run created (fresh ids per run). */
  readonly projectIds: readonly string[];
  readonly durationS: number;
  readonly requests: number;
  readonly opsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  /** `kind → outcome → count`; an outcome is a status, with the error code for a refusal. */
  readonly byOperation: Readonly<Record<OpKind, Readonly<Record<string, number>>>>;
  readonly clockTicks: number;
  /** Expired Bearer tokens and stale digest nonces renewed (the mock's clock outran them). */
  readonly authRenewals: number;
  /**
   * `reordered`: accepted writes whose journal entry came before that of a write committed
   * earlier: the cases where the journal's own order (response flushed) is not the commit order.
   */
  readonly journal: { readonly entries: number; readonly matched: number; readonly gaps: number; readonly reordered: number };
  readonly consistency: {
    readonly writesReplayed: number;
    readonly readsChecked: number;
    readonly refusalsExplained: number;
    readonly liveClustersAtEnd: number;
    readonly deletedClustersAtEnd: number;
  };
  readonly failures: Readonly<Record<FailureKind, number>>;
  /** The first problems of each kind. */
  readonly samples: Readonly<Record<FailureKind, readonly string[]>>;
}

const ROLES = ['GROUP_OWNER'];

/** Creates one credential per client (even: API key over Digest; odd: service account over Bearer). */
async function createCredentials(control: ControlApi, count: number, tag: string): Promise<SoakCredentials[]> {
  const made: SoakCredentials[] = [];
  for (let i = 0; i < count; i += 1) {
    const secret = `soak-${randomBytes(12).toString('hex')}`;
    if (i % 2 === 0) {
      const publicKey = `soak${tag}k${i}`;
      await control.call('POST', '/_mock/apiKeys', { publicKey, privateKey: secret, roles: ROLES });
      made.push({ kind: 'digest', publicKey, privateKey: secret });
    } else {
      const clientId = `mdb_sa_id_soak${tag}${String(i).padStart(8, '0')}`;
      await control.call('POST', '/_mock/serviceAccounts', { clientId, clientSecret: secret, roles: ROLES });
      made.push({ kind: 'bearer', clientId, clientSecret: secret });
    }
  }
  return made;
}

async function readJson(client: SoakClient, path: string, accept: string): Promise<{ status: number; body: unknown }> {
  const reply = await client.send('GET', path, accept);
  if (reply.status !== 200 && reply.status !== 404) throw new Error(`GET ${path} → ${reply.status}: ${reply.body.slice(0, 200)}`);
  return { status: reply.status, body: reply.body ? (JSON.parse(reply.body) as unknown) : undefined };
}

/** Reads every resource of the run with the checker's credential. */
async function readAll(checker: SoakClient, world: SoakWorld): Promise<Omit<FinalReads, 'now'>> {
  const clusters = new Map<string, ClusterSeen | undefined>();
  const clusterLists = new Map<string, string[]>();
  const schedules = new Map<string, ReturnType<typeof scheduleSeen>>();
  const snapshots = new Map<string, SnapshotSeen[]>();
  const ears = new Map<string, ReturnType<typeof earSeen>>();
  for (const project of world.projects) {
    const group = `/api/atlas/v2/groups/${project.groupId}`;
    ears.set(project.groupId, earSeen((await readJson(checker, `${group}/encryptionAtRest`, V20230101)).body));
    const list = (await readJson(checker, `${group}/clusters?itemsPerPage=500`, V20240805)).body as { results: unknown[] };
    clusterLists.set(project.groupId, list.results.map((c) => clusterSeen(c, V20240805).name));
    for (const name of project.clusters) {
      const key = clusterKey(project.groupId, name);
      const cluster = await readJson(checker, `${group}/clusters/${name}`, V20240805);
      clusters.set(key, cluster.status === 200 ? clusterSeen(cluster.body, V20240805) : undefined);
      if (cluster.status !== 200) continue;
      schedules.set(key, scheduleSeen((await readJson(checker, `${group}/clusters/${name}/backup/schedule`, V20230101)).body));
      const page = (await readJson(checker, `${group}/clusters/${name}/backup/snapshots?itemsPerPage=500`, V20230101)).body as { results: unknown[] };
      snapshots.set(key, page.results.map(snapshotSeen));
    }
  }
  return { clusters, clusterLists, schedules, snapshots, ears };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

/** Moves the mock's clock on by `ms` (the control API's ISO-8601 duration). */
async function advanceClock(control: ControlApi, ms: number): Promise<string> {
  const moved = await control.call<{ now: string }>('POST', '/_mock/clock', { advance: `PT${ms / 1000}S` });
  return moved.now;
}

/** What one client needs to run its share of the load. */
interface ClientRun {
  readonly client: SoakClient;
  readonly index: number;
  readonly seed: number;
  readonly world: SoakWorld;
  readonly board: SnapshotBoard;
  /** performance.now() at which to stop sending. */
  readonly deadline: number;
  readonly validator: ContractValidator;
  readonly tally: SoakTally;
}

/** One client's loop: plan, send, judge, remember; until the deadline. Returns its exchanges in order. */
async function runClient(run: ClientRun): Promise<Exchange[]> {
  const { client, index, board, tally } = run;
  const rng = new SeededRandom(clientSeed(run.seed, index));
  const exchanges: Exchange[] = [];
  while (performance.now() < run.deadline) {
    const op = planOp(rng, run.world, board);
    const sent = performance.now();
    let reply;
    try {
      reply = await client.send(op.method, op.path, op.accept, op.body);
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      tally.fail('connectionErrors', error.message);
      continue;
    }
    const judged = judgeResponse(run.validator, tally, client.baseUrl, op, reply, performance.now() - sent);
    const observed = reply.status < 300 && judged.body !== undefined ? observe(op.kind, op.accept, judged.body) : { type: 'none' as const };
    const key = clusterKey(op.groupId, op.cluster ?? '');
    if (op.kind === 'cluster.create' && reply.status === 201) board.forget(key);
    if (observed.type === 'snapshot' && op.kind === 'snapshot.take') board.note(key, observed.snapshot.id);
    if (observed.type === 'snapshots') for (const s of observed.snapshots) if (s.snapshotType === 'onDemand') board.note(key, s.id);
    exchanges.push({ client: index, op, status: reply.status, ...(judged.errorCode ? { errorCode: judged.errorCode } : {}), observed });
  }
  return exchanges;
}

/**
 * Runs a soak against the mock at `baseUrl` and returns its report (never throws for what the
 * mock did wrong: that is in `failures`; throws only when the run cannot be set up).
 * @example const report = await runSoak({ baseUrl: atlas.baseUrl, clients: 50, durationMs: 3000, seed: 1, tickMs: 10_000 });
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { baseUrl, seed } = options;
  const validator = options.validator ?? new ContractValidator();
  const control = new ControlApi(baseUrl, options.controlToken);
  const world = soakWorld(options.projects ?? 2, options.clustersPerProject ?? 3);
  const tag = world.projects[0]!.groupId.slice(0, 8);
  for (const project of world.projects) await control.call('POST', '/_mock/projects', projectConfig(project, world.keys));
  const credentials = await createCredentials(control, options.clients + 1, tag);
  const checker = new SoakClient(baseUrl, credentials.pop()!);
  const clients = credentials.map((c) => new SoakClient(baseUrl, c));

  const model = new ReplayModel(2 * options.tickMs);
  const initial = await readAll(checker, world);
  for (const [groupId, ear] of initial.ears) model.initEar(groupId, ear);
  for (const [key, cluster] of initial.clusters) {
    if (!cluster) throw new Error(`${key} was not created`);
    const { diskSizeGB, pitEnabled, encryptionAtRestProvider } = cluster;
    model.initCluster(key, { diskSizeGB, pitEnabled, encryptionAtRestProvider }, initial.schedules.get(key)!);
  }

  const tally = new SoakTally();
  const follower = new JournalFollower(control);
  await follower.start();
  let ticks = 0;
  let ticking: Promise<unknown> = Promise.resolve();
  const ticker = setInterval(() => {
    ticking = ticking
      .then(() => advanceClock(control, options.tickMs))
      .then(() => (ticks += 1))
      .catch((error: unknown) => tally.fail('connectionErrors', `clock tick: ${(error as Error).message}`));
  }, options.tickEveryMs ?? 500);

  const board = new SnapshotBoard();
  const started = performance.now();
  const deadline = started + options.durationMs;
  const exchanges = await Promise.all(clients.map((client, i) => runClient({ client, index: i, seed, world, board, deadline, validator, tally })));
  const elapsedMs = performance.now() - started;
  clearInterval(ticker);
  await ticking;
  await follower.stop();

  // Settle: every DELETING cluster removed, every transition and snapshot step done.
  const now = await advanceClock(control, 2 * options.tickMs);
  const final = await readAll(checker, world);
  const state = checkMockState(await control.call('GET', '/_mock/state'));
  if (!state.ok) for (const problem of state.problems) tally.fail('stateShape', problem);

  for (const [expected, got] of follower.gaps) tally.fail('journal', `journal entries ${expected}–${got - 1} were lost before they were read`);
  // A connection dropped before an answer, seen from the mock's side: an HTTP client may retry
  // an idempotent request on a fresh connection and never tell its caller (undici does).
  for (const e of follower.entries) if (e.status === null) tally.fail('connectionErrors', `the mock sent no response to ${e.method} ${e.path} (journal entry ${e.id})`);
  const matched = matchJournal(follower.entries, clients.map((c) => c.principal), exchanges);
  for (const problem of matched.problems) tally.fail('journal', problem);
  if (matched.problems.length > 0) tally.fail('journal', 'the replay lacks the responses that could not be ordered: its inconsistencies may follow from that');
  const ordered = matched.ordered.sort(serverOrder);
  model.replay(ordered);
  let reordered = 0;
  let latest = 0;
  for (const e of ordered) {
    if (e.op.method === 'GET' || e.status >= 300) continue;
    if (e.journalId < latest) reordered += 1;
    latest = Math.max(latest, e.journalId);
  }
  model.checkFinal({ ...final, now });
  for (const sample of model.samples) tally.fail('inconsistencies', sample);
  if (model.issues > model.samples.length) tally.failures.inconsistencies += model.issues - model.samples.length;

  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const live = world.projects.reduce((n, p) => n + model.liveClusters(p.groupId).length, 0);
  const total = world.projects.reduce((n, p) => n + p.clusters.length, 0);
  return {
    ok: FAILURE_KINDS.every((k) => tally.failures[k] === 0),
    baseUrl,
    seed,
    clients: options.clients,
    projects: world.projects.length,
    clustersPerProject: world.projects[0]!.clusters.length,
    projectIds: world.projects.map((p) => p.groupId),
    durationS: Math.round(elapsedMs / 100) / 10,
    requests: tally.responses,
    opsPerSecond: Math.round(tally.responses / (elapsedMs / 1000)),
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
    byOperation: tally.outcomes,
    clockTicks: ticks,
    authRenewals: clients.reduce((n, c) => n + c.authRenewals, 0),
    journal: { entries: follower.entries.length, matched: ordered.length, gaps: follower.gaps.length, reordered },
    consistency: {
      writesReplayed: model.writesReplayed,
      readsChecked: model.readsChecked,
      refusalsExplained: model.refusalsExplained,
      liveClustersAtEnd: live,
      deletedClustersAtEnd: total - live,
    },
    failures: tally.failures,
    samples: tally.samples,
  };
}
