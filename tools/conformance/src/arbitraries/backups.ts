// Random snapshot fixtures, backup schedules and planned restore jobs, drawn as intents (which
// cluster, which snapshot, which key) that the config assembly resolves against the file.
import fc from 'fast-check';
import { CLOUD_PROVIDERS } from '@mock-atlas/model';
import { SHRINK_TO_FIRST, compact, maybe, mostly } from './choice';
import { KEY_IDS, SNAPSHOT_IDS } from './pools';

type Doc = Record<string, unknown>;

/** A declared cluster (by index into the file's clusters), or once in `weight + 1` draws one the file never declares. */
export type ClusterPick = { readonly index: number } | 'ghost';
const clusterPick = (weight: number): fc.Arbitrary<ClusterPick> => mostly(fc.record({ index: fc.nat(2) }), fc.constant('ghost' as const), weight);

/**
 * The key a snapshot was taken with: its cluster's key, none, the other key of its cluster's
 * provider (a snapshot from before a key rotation, S0:90), or any pool key (declared or not).
 */
export type KeyPick = 'cluster' | 'none' | 'previous' | { readonly provider: string; readonly keyId: string };
const keyPick: fc.Arbitrary<KeyPick> = fc.oneof(
  SHRINK_TO_FIRST,
  { arbitrary: fc.constant('cluster' as const), weight: 6 },
  { arbitrary: fc.constant('none' as const), weight: 3 },
  { arbitrary: fc.constant('previous' as const), weight: 2 },
  {
    arbitrary: fc.constantFrom(...CLOUD_PROVIDERS).chain((provider) => fc.constantFrom(...KEY_IDS[provider]).map((keyId) => ({ provider, keyId }))),
    weight: 1,
  },
);

/** A snapshot fixture to be placed: its id is its position's pool id, so ids are distinct. */
export const snapshotDrawArb = fc.record({ cluster: clusterPick(40), key: keyPick, writesStatus: fc.boolean() });

/** One policy item: the intervals Atlas offers, a bad hourly interval now and then, a field left out now and then. */
const policyItem = fc
  .record({
    kind: fc.constantFrom('hourly', 'daily', 'weekly', 'monthly'),
    hourlyInterval: mostly(fc.constantFrom(6, 1, 2, 4, 8, 12), fc.constantFrom(3, 5, 24), 15),
    drop: mostly(fc.constant(undefined), fc.constantFrom('frequencyInterval', 'retentionUnit', 'retentionValue', 'frequencyType'), 25),
  })
  .map(({ kind, hourlyInterval, drop }) => {
    const item: Doc = {
      frequencyType: kind,
      frequencyInterval: kind === 'hourly' ? hourlyInterval : kind === 'monthly' ? 40 : 1,
      retentionUnit: kind === 'monthly' ? 'months' : 'days',
      retentionValue: kind === 'monthly' ? 12 : 7,
    };
    if (drop) delete item[drop];
    return item;
  });

/** Left out, in range, or now and then out of range (backup/schedule-valid). */
const ranged = (good: number, bad: readonly number[]) => mostly(fc.constantFrom(undefined, good), fc.constantFrom(...bad), 25);

/**
 * A schedule without its cluster; `cluster` picks one of the file's Cloud Backup clusters, now and
 * then any declared cluster (with or without Cloud Backup) or one the file never declares.
 */
export const scheduleDrawArb = fc.record({
  cluster: mostly(fc.record({ cloudBackup: fc.nat(2) }), clusterPick(3), 6),
  body: fc
    .record({
      referenceHourOfDay: ranged(3, [24, -1]),
      referenceMinuteOfHour: ranged(30, [60]),
      restoreWindowDays: ranged(7, [0]),
      items: fc.array(policyItem, { minLength: 1, maxLength: 3 }),
    })
    .map(({ items, ...rest }) => compact({ ...rest, policies: [{ policyItems: items }] })),
});

/** A point in time: seconds or an oplog position, or now and then half of one or nothing (restore/required-fields). */
const pointInTime = mostly(
  fc.constantFrom({ pointInTimeUTCSeconds: 1772344800 }, { oplogTs: 1772344800, oplogInc: 1 }),
  fc.constantFrom({ oplogTs: 1772344800 }, { oplogInc: 1 }, {}),
  10,
);

/**
 * A restore job as intents: restore one of the file's snapshots (mostly), or name a cluster and a
 * snapshot id directly; into the source cluster, another declared cluster, one never declared,
 * or no target.
 */
export const restoreJobDrawArb = fc.record({
  source: mostly(fc.record({ snapshot: fc.nat(2) }), fc.record({ cluster: clusterPick(10), snapshotId: maybe(fc.constantFrom(...SNAPSHOT_IDS), 3) }), 8),
  target: fc.oneof(
    SHRINK_TO_FIRST,
    { arbitrary: fc.constant('source' as const), weight: 5 },
    { arbitrary: clusterPick(15), weight: 5 },
    { arbitrary: fc.constant('none' as const), weight: 1 },
  ),
  deliveryType: fc.constantFrom('automated', 'download', 'pointInTime'),
  /** Whether targetGroupId is sent (always the project's own: see known-divergences.ts). */
  sendsTargetGroupId: mostly(fc.constant(true), fc.constant(false), 15),
  pointInTime,
});
