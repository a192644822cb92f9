// Throughput and latency of the running mock (the bundled CLI, as users start it) next to a bare
// Express 5 route answering the same JSON. Both servers run side by side; runs alternate
// mock / Express / mock / Express, so that drift on a shared machine hits both alike. The writes
// alternate three: the mock's PATCH, the Express GET, and Express's own PATCH as a reference.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'autocannon';
import { projectConfig, SECRET_ENV } from '../configs';
import { CLIENT_V2_ACCEPT, SEED, type BenchContext } from '../context';
import { DigestSession, freshNonce } from '../digest';
import { bearerToken, fetchJson } from '../http';
import { clean, runLoad, type LoadRun, type LoadSpec } from '../load';
import { forkWorker, spawnAnnounced, stop } from '../processes';
import { Random } from '../random';
import { mean, round } from '../stats';
import type { Reference, Row } from '../table';

interface StartupLine {
  readonly baseUrl: string;
  readonly groupId: string;
  readonly apiKey: { readonly publicKey: string; readonly privateKey: string };
  readonly serviceAccount: { readonly clientId: string; readonly clientSecret: string };
}

/** Clusters the writes figure PATCHes round-robin. */
const WRITE_CLUSTERS = 100;
/** The version whose cluster layout (LegacyAtlasCluster) has a top-level diskSizeGB. */
const LEGACY_CLUSTER_ACCEPT = 'application/vnd.atlas.2023-01-01+json';

/** Four alternating runs: ours, baseline, ours, baseline. */
async function alternate(ctx: BenchContext, ours: () => LoadSpec, baseline: LoadSpec): Promise<{ ours: LoadRun[]; baseline: LoadRun[] }> {
  const runs = { ours: [] as LoadRun[], baseline: [] as LoadRun[] };
  for (let round = 0; round < 2; round += 1) {
    const a = ours();
    ctx.log(`  ${a.label} (${ctx.seconds} s)`);
    runs.ours.push(await runLoad(a, ctx.seconds));
    ctx.log(`  ${baseline.label} (${ctx.seconds} s)`);
    runs.baseline.push(await runLoad(baseline, ctx.seconds));
  }
  return runs;
}

function invalidity(runs: readonly LoadRun[]): string | undefined {
  const bad = runs.filter((r) => !clean(r));
  if (bad.length === 0) return undefined;
  const sum = (f: (r: LoadRun) => number): number => bad.reduce((s, r) => s + f(r), 0);
  return `${sum((r) => r.non2xx)} non-2xx, ${sum((r) => r.errors)} errors, ${sum((r) => r.timeouts)} timeouts`;
}

/** Mean requests per second over runs (each run's own mean of 1-second samples). */
const rateOf = (runs: readonly LoadRun[]): number => mean(runs.map((r) => r.requestsPerSec));

function throughputRow(figure: string, runs: { ours: LoadRun[]; baseline: LoadRun[] }, minRatio: number, baselineName: string): Row {
  const ours = rateOf(runs.ours);
  const baseline = rateOf(runs.baseline);
  const ratio = ours / baseline;
  const invalid = invalidity([...runs.ours, ...runs.baseline]);
  const cpu = cpuOf(runs);
  return {
    figure,
    ours: round(ours, 0),
    baseline: round(baseline, 0),
    unit: 'req/s',
    ratio: round(ratio, 3),
    target: `≥ ${minRatio} × ${baselineName}`,
    pass: !invalid && ratio >= minRatio,
    ...(invalid ? { invalid } : {}),
    ...(cpu ? { cpuUsPerRequest: cpu } : {}),
  };
}

/** The ratio a reference server reaches on the same figure, against the same baseline runs. */
function referenceOf(name: string, runs: { reference: readonly LoadRun[]; baseline: readonly LoadRun[] }): Reference {
  const ratio = rateOf(runs.reference) / rateOf(runs.baseline);
  const invalid = invalidity(runs.reference);
  return { name, ratio: round(ratio, 3), ...(invalid ? { invalid } : {}) };
}

/** Mean server CPU per response of both sides, when /proc told. */
export function cpuOf(runs: { ours: readonly LoadRun[]; baseline: readonly LoadRun[] }): { ours: number; baseline: number } | undefined {
  const of = (list: readonly LoadRun[]): number[] => list.flatMap((r) => (r.serverCpuUsPerRequest !== undefined ? [r.serverCpuUsPerRequest] : []));
  const ours = of(runs.ours);
  const baseline = of(runs.baseline);
  return ours.length > 0 && baseline.length > 0 ? { ours: round(mean(ours), 1), baseline: round(mean(baseline), 1) } : undefined;
}

/** The mock's HTTP figures: Bearer and Digest GET throughput, PATCH throughput, p99 latency. */
export async function mockHttpFigures(ctx: BenchContext): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  ctx.log('mock-atlas HTTP: starting the mock (bundled CLI, demo project) and a bare Express 5 app');
  const mock = await spawnAnnounced<StartupLine>(process.execPath, [ctx.mockBin, '--json', '--port', '0'], {
    cwd: ctx.tmp,
    env: { ...process.env, ...SECRET_ENV },
  });
  try {
    const { baseUrl, groupId, serviceAccount, apiKey } = mock.info;
    const earPath = `/api/atlas/v2/groups/${groupId}/encryptionAtRest`;
    const token = await bearerToken(baseUrl, serviceAccount.clientId, serviceAccount.clientSecret);
    const bearerHeaders = { accept: CLIENT_V2_ACCEPT, authorization: `Bearer ${token}` };
    const ear = await fetchJson<unknown>(`${baseUrl}${earPath}`, { headers: bearerHeaders });
    const bodyFile = join(ctx.tmp, 'encryption-at-rest.json');
    writeFileSync(bodyFile, JSON.stringify(ear));

    // The project the writes go to: 100 clusters in the v1.0 layout, loaded through the control API.
    const writes = projectConfig(new Random(SEED), { index: 1, clusters: WRITE_CLUSTERS, snapshotsPerCluster: 0, layout: 'legacy' });
    await fetchJson(`${baseUrl}/_mock/projects`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: writes.yaml }, 201);
    const writeToken = await bearerToken(baseUrl, writes.serviceAccount.clientId, writes.serviceAccount.clientSecret);
    const writeHeaders = { accept: LEGACY_CLUSTER_ACCEPT, 'content-type': 'application/json', authorization: `Bearer ${writeToken}` };
    const clusterPath = (k: number): string => `/api/atlas/v2/groups/${writes.id}/clusters/cluster-${k % WRITE_CLUSTERS}`;
    const cluster = await fetchJson<unknown>(`${baseUrl}${clusterPath(0)}`, { headers: writeHeaders });
    const clusterFile = join(ctx.tmp, 'cluster.json');
    writeFileSync(clusterFile, JSON.stringify(cluster));

    const express = await forkWorker<{ baseUrl: string }>(join(ctx.benchDist, 'bare-express.mjs'), [bodyFile, clusterFile]);
    try {
      const baseline: LoadSpec = { label: 'bare Express GET', url: `${express.ready.baseUrl}${earPath}`, headers: { accept: CLIENT_V2_ACCEPT }, serverPid: express.child.pid };
      const mockPid = mock.child.pid;
      const bearer: LoadSpec = { label: 'mock GET encryptionAtRest (Bearer)', url: `${baseUrl}${earPath}`, headers: bearerHeaders, serverPid: mockPid };

      ctx.log(`  warming up both servers (${ctx.warmupSeconds} s each)`);
      await runLoad(bearer, ctx.warmupSeconds);
      await runLoad(baseline, ctx.warmupSeconds);

      ctx.log('mock throughput (Bearer)');
      const bearerRuns = await alternate(ctx, () => bearer, baseline);

      ctx.log('mock throughput (Digest)');
      // Each connection answers one challenge and reuses its nonce with nc 1, 2, 3…; the nonces are
      // fetched before each run, because a nonce's count cannot go back to 1.
      const random = new Random(SEED);
      const digestSpec = async (): Promise<LoadSpec> => {
        const nonces: string[] = [];
        for (let i = 0; i < 10; i += 1) nonces.push(await freshNonce(`${baseUrl}${earPath}`, CLIENT_V2_ACCEPT));
        return {
          label: 'mock GET encryptionAtRest (Digest)',
          url: `${baseUrl}${earPath}`,
          headers: { accept: CLIENT_V2_ACCEPT },
          serverPid: mockPid,
          setupClient: (client: Client) => {
            const nonce = nonces.shift();
            if (!nonce) throw new Error('more connections than nonces');
            const session = new DigestSession({ username: apiKey.publicKey, password: apiKey.privateKey, nonce, method: 'GET', uri: earPath }, random);
            client.setRequests([
              {
                method: 'GET',
                path: earPath,
                setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: session.next() } }),
              },
            ]);
          },
        };
      };
      const digestRuns = { ours: [] as LoadRun[], baseline: [] as LoadRun[] };
      for (let i = 0; i < 2; i += 1) {
        const spec = await digestSpec();
        ctx.log(`  ${spec.label} (${ctx.seconds} s)`);
        digestRuns.ours.push(await runLoad(spec, ctx.seconds));
        ctx.log(`  ${baseline.label} (${ctx.seconds} s)`);
        digestRuns.baseline.push(await runLoad(baseline, ctx.seconds));
      }

      ctx.log('mock writes (PATCH diskSizeGB round-robin over 100 clusters)');
      // Request k goes to cluster k mod 100 and sets 50 GB on even passes, 40 GB on odd ones, so that
      // every PATCH changes the cluster (the generated clusters start at 40 GB); a cluster that is
      // still UPDATING from the previous pass accepts the next change, as Atlas does.
      const roundRobin = (label: string, serverUrl: string, serverPid: number | undefined): LoadSpec & { sent: () => number } => {
        let sent = 0;
        return {
          label,
          url: `${serverUrl}${clusterPath(0)}`,
          method: 'PATCH',
          serverPid,
          headers: writeHeaders,
          requests: [
            {
              method: 'PATCH',
              setupRequest: (request) => {
                const k = sent;
                sent += 1;
                const diskSizeGB = Math.floor(k / WRITE_CLUSTERS) % 2 === 0 ? 50 : 40;
                return { ...request, path: clusterPath(k), body: JSON.stringify({ diskSizeGB }) };
              },
            },
          ],
          sent: () => sent,
        };
      };
      const patch = roundRobin('mock PATCH cluster diskSizeGB (Bearer)', baseUrl, mockPid);
      // The same requests to Express's own PATCH route, alternated with the other two: what the
      // writes figure comes to for an app that does nothing but parse and answer.
      const expressPatch = roundRobin('bare Express PATCH (express.json)', express.ready.baseUrl, express.child.pid);
      // Both PATCH routes warm up as the GETs did: their body parsing and write paths are cold here.
      ctx.log(`  warming up both PATCH routes (${ctx.warmupSeconds} s each)`);
      await runLoad(patch, ctx.warmupSeconds);
      await runLoad(expressPatch, ctx.warmupSeconds);
      const writeRuns = { ours: [] as LoadRun[], baseline: [] as LoadRun[], reference: [] as LoadRun[] };
      for (let i = 0; i < 2; i += 1) {
        for (const [spec, list] of [
          [patch, writeRuns.ours],
          [baseline, writeRuns.baseline],
          [expressPatch, writeRuns.reference],
        ] as const) {
          ctx.log(`  ${spec.label} (${ctx.seconds} s)`);
          list.push(await runLoad(spec, ctx.seconds));
        }
      }

      const bearerP99 = Math.max(...bearerRuns.ours.map((r) => r.latencyMs.p99));
      const baselineP99 = Math.max(...bearerRuns.baseline.map((r) => r.latencyMs.p99));
      const latencyInvalid = invalidity(bearerRuns.ours);
      const rows: Row[] = [
        throughputRow('mock throughput (Bearer GET)', bearerRuns, 0.6, 'Express'),
        throughputRow('mock throughput (Digest GET)', digestRuns, 0.4, 'Express'),
        {
          ...throughputRow('mock writes (PATCH vs Express GET)', writeRuns, 0.4, 'Express GET'),
          reference: referenceOf('bare Express PATCH (express.json) vs the same GET', writeRuns),
        },
        {
          figure: 'mock latency p99 (Bearer GET, 10 conn.)',
          ours: bearerP99,
          baseline: baselineP99,
          unit: 'ms',
          ratio: round(bearerP99 / baselineP99, 3),
          target: '≤ 10 ms',
          pass: !latencyInvalid && bearerP99 <= 10,
          ...(latencyInvalid ? { invalid: latencyInvalid } : {}),
        },
      ];
      return { rows, raw: { bearer: bearerRuns, digest: digestRuns, writes: { ...writeRuns, patchesSent: patch.sent() } } };
    } finally {
      await stop(express.child);
    }
  } finally {
    await stop(mock.child);
  }
}
