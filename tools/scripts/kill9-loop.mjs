#!/usr/bin/env node
// The kill -9 loop for `mock-atlas --state-file`: proves that killing the server at any moment
// of heavy writing never leaves a state file it cannot start from.
//
// Each iteration starts the built server on the same state file (the first one creates it),
// checks that it loaded exactly what the file held (API keys, their grants, and that a key's
// private key from the file still authenticates), then drives a storm of POST /_mock/apiKeys
// from several concurrent clients, SIGKILLs the server at a random moment, and checks the file:
// it parses, is a mock-atlas state of the right version, has mode 0600, and its key file
// (`<file>.key`, mode 0600) opens its encrypted private keys. The next iteration's
// start is the restart check. It prints its numbers, including how many acknowledged writes the
// file did not hold yet at the kill (saves are coalesced and run after the response, so the file
// may trail the last few responses; it must never be unreadable).
//
//   node tools/scripts/kill9-loop.mjs [--iterations 100] [--server apps/mock-atlas/dist/mock-atlas.mjs]
//        [--state-file FILE] [--workers 8] [--min-kill-ms 20] [--max-kill-ms 400] [--json]
// Exit 0 when every iteration passed, 1 otherwise. Build the server first: npx nx run mock-atlas:build
import { spawn } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from 'urllib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '100' },
    server: { type: 'string', default: join(root, 'apps/mock-atlas/dist/mock-atlas.mjs') },
    'state-file': { type: 'string' },
    workers: { type: 'string', default: '8' },
    'min-kill-ms': { type: 'string', default: '20' },
    'max-kill-ms': { type: 'string', default: '400' },
    json: { type: 'boolean', default: false },
  },
});

const iterations = Number(args.iterations);
const workers = Number(args.workers);
const minKillMs = Number(args['min-kill-ms']);
const maxKillMs = Number(args['max-kill-ms']);
// Each worker cycles over this many keys, so the state stays a realistic size however long the storm.
const KEYS_PER_WORKER = 25;
const START_TIMEOUT_MS = 20_000;

if (!existsSync(args.server)) {
  process.stderr.write(`kill9-loop: ${args.server} not found; build it first: npx nx run mock-atlas:build\n`);
  process.exit(2);
}
const ownDir = args['state-file'] ? undefined : mkdtempSync(join(tmpdir(), 'mock-atlas-kill9-'));
const stateFile = args['state-file'] ?? join(ownDir, 'state.json');

/** Starts the server; resolves with its start-up line, or rejects with its stderr if it exits first. */
function startServer() {
  const child = spawn(process.execPath, [args.server, '--port', '0', '--json', '--clock', 'manual', '--log-level', 'silent', '--state-file', stateFile], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ready = new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start-up line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      done(JSON.parse(stdout.slice(0, newline)));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${signal ?? `code ${code}`}) before it started: ${stderr.trim()}`));
    });
  });
  return { child, ready, exited };
}

/**
 * Opens a secret the server sealed (`enc:v1:<iv>:<tag>:<ciphertext>`, AES-256-GCM, base64url;
 * apps/mock-atlas/src/server/state-secrets.ts) with the key file's key.
 */
function openSecret(sealed, key) {
  if (!sealed.startsWith('enc:v1:')) throw new Error('a private key in the file is not encrypted');
  const [iv, tag, body] = sealed.slice('enc:v1:'.length).split(':').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** The server's key: MOCK_ATLAS_STATE_KEY when this process (and so the server) has it, else the key file. */
function stateKey() {
  let text = process.env.MOCK_ATLAS_STATE_KEY;
  if (!text) {
    checkPrivate(`${stateFile}.key`);
    text = readFileSync(`${stateFile}.key`, 'utf8');
  }
  text = text.trim();
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function checkPrivate(path) {
  const mode = statSync(path).mode & 0o777;
  if (mode !== 0o600) throw new Error(`${path} has mode ${mode.toString(8)}, expected 600`);
}

/**
 * The state file as a client sees it: parsed, of our format and version, private, and its
 * private keys opened with the key file (both files mode 0600).
 */
function readFile() {
  const text = readFileSync(stateFile, 'utf8');
  const file = JSON.parse(text);
  if (file?.format !== 'mock-atlas-state' || file.version !== 2 || typeof file.state !== 'object' || !Array.isArray(file.state.apiKeys)) {
    throw new Error('the file parses but is not a version-2 mock-atlas state');
  }
  checkPrivate(stateFile);
  const key = stateKey();
  file.state.apiKeys = file.state.apiKeys.map((k) => ({ ...k, privateKey: openSecret(k.privateKey, key) }));
  return { file, bytes: Buffer.byteLength(text) };
}

const keysOf = (apiKeys) => JSON.stringify(apiKeys.map((k) => [k.publicKey, k.grants]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
// Private keys are `p-<n>` with n increasing over the whole run, so "older" is well defined per key.
const seqOf = (privateKey) => Number(/^p-(\d+)$/.exec(privateKey ?? '')?.[1] ?? -1);

/** Checks that a freshly started server holds exactly what the file held. */
async function checkLoaded(info, expected) {
  const res = await fetch(`${info.baseUrl}/_mock/state`);
  const state = await res.json();
  if (keysOf(state.apiKeys) !== keysOf(expected.state.apiKeys)) throw new Error('the restarted server does not hold the API keys of the file');
  if (JSON.stringify(Object.keys(state.projects).sort()) !== JSON.stringify(Object.keys(expected.state.projects).sort())) {
    throw new Error('the restarted server does not hold the projects of the file');
  }
  const key = expected.state.apiKeys.findLast((k) => k.publicKey.startsWith('kill9-'));
  if (key) {
    const groupId = key.grants[0].groupId;
    const auth = await request(`${info.baseUrl}/api/atlas/v1.0/groups/${groupId}`, { digestAuth: `${key.publicKey}:${key.privateKey}` });
    if (auth.status !== 200) throw new Error(`${key.publicKey} no longer authenticates with its private key from the file (HTTP ${auth.status})`);
  }
}

let sequence = 0;
// Per iteration: the newest acknowledged private key of each API key written in it.
const lastAcked = new Map();

/** POSTs API keys as fast as the server answers until stopped; returns how many were acknowledged. */
async function storm(info, worker, stop) {
  let acked = 0;
  for (let n = 0; !stop.stopped; n += 1) {
    const publicKey = `kill9-${worker}-${n % KEYS_PER_WORKER}`;
    const privateKey = `p-${++sequence}`;
    try {
      const res = await fetch(`${info.baseUrl}/_mock/apiKeys`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ publicKey, privateKey, roles: ['GROUP_READ_ONLY'], groupId: info.groupId }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST /_mock/apiKeys answered ${res.status}`);
      acked += 1;
      lastAcked.set(publicKey, seqOf(privateKey));
    } catch (error) {
      if (stop.stopped) break;
      throw error;
    }
  }
  return acked;
}

const stats = {
  iterations: 0,
  failures: 0,
  acknowledgedWrites: 0,
  stormMs: 0,
  killDelaysMs: [],
  fileBytes: [],
  killsMidSave: 0,
  restartsFromFile: 0,
  startMs: [],
  ackedMissingAtKill: [],
};
const failures = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

for (let i = 1; i <= iterations; i += 1) {
  stats.iterations = i;
  const expected = existsSync(stateFile) ? readFile().file : undefined;
  const started = performance.now();
  const server = startServer();
  try {
    const info = await server.ready;
    stats.startMs.push(Math.round(performance.now() - started));
    if (expected) {
      await checkLoaded(info, expected);
      stats.restartsFromFile += 1;
    }
    const stop = { stopped: false };
    lastAcked.clear();
    const stormStarted = performance.now();
    // A client error before the kill is a failure, reported once the kill is done.
    let stormError;
    const runs = Array.from({ length: workers }, (_, w) =>
      storm(info, w, stop).catch((error) => {
        stormError ??= error;
        return 0;
      }),
    );
    const killAfter = minKillMs + Math.random() * (maxKillMs - minKillMs);
    await new Promise((done) => setTimeout(done, killAfter));
    // Set before the kill, in the same tick: every request still in flight dies with the server.
    stop.stopped = true;
    server.child.kill('SIGKILL');
    await server.exited;
    stats.stormMs += performance.now() - stormStarted;
    stats.killDelaysMs.push(Math.round(killAfter));
    stats.acknowledgedWrites += (await Promise.all(runs)).reduce((a, b) => a + b, 0);
    if (stormError) throw stormError;

    if (existsSync(`${stateFile}.tmp`)) stats.killsMidSave += 1;
    const { file, bytes } = readFile();
    stats.fileBytes.push(bytes);
    const held = new Map(file.state.apiKeys.map((k) => [k.publicKey, seqOf(k.privateKey)]));
    stats.ackedMissingAtKill.push([...lastAcked].filter(([key, seq]) => (held.get(key) ?? -1) < seq).length);
  } catch (error) {
    stats.failures += 1;
    failures.push(`iteration ${i}: ${error.message}`);
    server.child.kill('SIGKILL');
    break;
  }
}

// The last kill's file must start a server too.
if (stats.failures === 0) {
  const server = startServer();
  try {
    const info = await server.ready;
    await checkLoaded(info, readFile().file);
    stats.restartsFromFile += 1;
  } catch (error) {
    stats.failures += 1;
    failures.push(`final restart: ${error.message}`);
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

const summary = {
  iterations: stats.iterations,
  failures: stats.failures,
  restartsFromFile: stats.restartsFromFile,
  acknowledgedWrites: stats.acknowledgedWrites,
  writesPerSecond: Math.round(stats.acknowledgedWrites / (stats.stormMs / 1000)),
  killDelayMs: { min: Math.min(...stats.killDelaysMs), median: median(stats.killDelaysMs), max: Math.max(...stats.killDelaysMs) },
  startMs: { median: median(stats.startMs), max: Math.max(...stats.startMs) },
  fileBytes: { min: Math.min(...stats.fileBytes), max: Math.max(...stats.fileBytes) },
  killsMidSave: stats.killsMidSave,
  ackedMissingAtKill: { total: stats.ackedMissingAtKill.reduce((a, b) => a + b, 0), max: Math.max(0, ...stats.ackedMissingAtKill) },
  failureMessages: failures,
};
if (args.json) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  const lines = [
    `kill -9 loop: ${summary.iterations} iterations, ${summary.failures} failures (state file ${stateFile})`,
    `  restarts that loaded the file intact: ${summary.restartsFromFile}`,
    `  acknowledged writes: ${summary.acknowledgedWrites} (${summary.writesPerSecond}/s during the storms, ${workers} clients)`,
    `  kill after: min ${summary.killDelayMs.min} ms, median ${summary.killDelayMs.median} ms, max ${summary.killDelayMs.max} ms`,
    `  kills that landed mid-save (a .tmp left behind): ${summary.killsMidSave}`,
    `  state file: ${summary.fileBytes.min}..${summary.fileBytes.max} bytes, mode 600`,
    `  acknowledged writes not yet in the file at the kill: ${summary.ackedMissingAtKill.total} in all, at most ${summary.ackedMissingAtKill.max} per kill`,
    `  server start: median ${summary.startMs.median} ms, max ${summary.startMs.max} ms`,
    ...failures.map((f) => `  FAILED ${f}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
if (ownDir) rmSync(ownDir, { recursive: true, force: true });
process.exit(summary.failures === 0 ? 0 : 1);
