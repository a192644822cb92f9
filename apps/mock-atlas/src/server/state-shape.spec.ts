import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState, type MockState } from '@mock-atlas/domain';
import { startServer, type RunningMockAtlas } from './start';
import { checkMockState } from './state-shape';

const DAY = 86_400_000;

let atlas: RunningMockAtlas;
// The demo project after 100 virtual days: clusters, snapshots (scheduled ones too), a restore
// job, schedules, credentials, alert configs, open rotation alerts and pending timers.
let lived: MockState;

beforeAll(async () => {
  atlas = await startServer({ port: 0, clock: 'manual' });
  atlas.store.catchUp();
  atlas.store.clock.advance(100 * DAY);
  atlas.store.catchUp();
  lived = JSON.parse(JSON.stringify(atlas.store.state)) as MockState;
});
afterAll(() => atlas.close());

function problemsOf(value: unknown): readonly string[] {
  const checked = checkMockState(value);
  return checked.ok ? [] : checked.problems;
}

describe('checkMockState', () => {
  it('accepts every state the mock itself makes, as JSON', () => {
    expect(Object.keys(lived.projects)).toHaveLength(1);
    expect(lived.alerts.length).toBeGreaterThan(0);
    expect(problemsOf(lived)).toEqual([]);
    expect(problemsOf(JSON.parse(JSON.stringify(emptyState())))).toEqual([]);
  });

  it('gives the timers back in the order the clock runs them', () => {
    // Reversing only reorders something when the timers fall due at different instants.
    expect(new Set(lived.timers.map((t) => t.at)).size).toBeGreaterThan(1);
    const shuffled = { ...lived, timers: [...lived.timers].reverse() };
    const checked = checkMockState(shuffled);
    expect(checked.ok && checked.state.timers.map((t) => t.at)).toEqual([...lived.timers.map((t) => t.at)].sort());
  });

  it('refuses a document that is not an object', () => {
    expect(problemsOf([])).toEqual(['(the document): expected a mock-atlas state (a JSON object), found an array']);
    expect(problemsOf(undefined)).toEqual(['(the document): expected a mock-atlas state (a JSON object), found nothing']);
  });

  it('refuses unknown and missing top-level fields (a foreign document, a misspelling)', () => {
    const { apiKeys: _apiKeys, ...withoutKeys } = lived;
    expect(problemsOf({ ...withoutKeys, apikeys: [] })).toEqual(['apikeys: not a field of the mock-atlas state', 'apiKeys: missing']);
  });

  it('names each wrong field by its path', () => {
    const groupId = Object.keys(lived.projects)[0]!;
    const project = lived.projects[groupId]!;
    const broken = {
      ...lived,
      projects: {
        [groupId]: {
          ...project,
          clusters: [{ ...project.clusters[0], instanceSize: 10, encryptionAtRestProvider: 'IBM' }],
          encryptionAtRest: { ...project.encryptionAtRest, providers: { ...project.encryptionAtRest.providers, GCP: { enabled: 'yes', valid: false, settings: {} } } },
        },
      },
      kmsKeys: [{ provider: 'AWS', keyId: 'k', state: 'ON' }],
      kmsCredentials: { [groupId]: { ORACLE: true } },
      timers: [{ kind: 'coffee-break', at: '2026-01-01T00:00:00Z' }, { kind: 'validity-check', at: 'soon' }],
      sequence: 1.5,
    };
    expect(problemsOf(broken)).toEqual([
      `projects.${groupId}.encryptionAtRest.providers.GCP.enabled: expected true or false, found string "yes"`,
      `projects.${groupId}.clusters[0].instanceSize: expected a non-empty string, found number 10`,
      `projects.${groupId}.clusters[0].encryptionAtRestProvider: expected one of NONE, AWS, AZURE, GCP, found string "IBM"`,
      'kmsKeys[0].state: expected one of ENABLED, DISABLED, PENDING_DELETION, DELETED, found string "ON"',
      `kmsCredentials.${groupId}.ORACLE: unexpected key; expected one of AWS, AZURE, GCP`,
      'timers[0].kind: expected one of cluster-transition, snapshot-transition, restore-transition, backup-sweep, validity-check, rotation-check, found string "coffee-break"',
      'timers[1].at: expected an ISO-8601 instant, found string "soon"',
      'sequence: expected a whole number >= 0, found number 1.5',
    ]);
  });

  it('refuses a project stored under a key that is not its id', () => {
    const project = Object.values(lived.projects)[0]!;
    expect(problemsOf({ ...lived, projects: { '000000000000000000000000': project } })).toEqual([
      `projects.000000000000000000000000.id: is ${JSON.stringify(project.id)} but the project is stored under "000000000000000000000000"`,
    ]);
  });

  it('checks the fields each timer kind needs', () => {
    const timers = [{ kind: 'cluster-transition', at: '2026-01-01T00:00:00Z', groupId: 'g', to: 'GONE' }];
    expect(problemsOf({ ...lived, timers })).toEqual(['timers[0].clusterName: missing', 'timers[0].to: expected one of IDLE, DELETED, found string "GONE"']);
  });
});
