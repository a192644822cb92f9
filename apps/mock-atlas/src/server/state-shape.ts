// Checks that a JSON value is a MockState before the mock adopts it (a --state-file at start,
// PUT /_mock/state). The domain trusts its state completely, so a foreign or hand-edited
// document must be refused here, with every problem named by its path, rather than crash an
// operation later. The checks follow the model's types: the top level and the timers are
// checked exhaustively (a field added to MockState or a timer kind added to Timer fails to
// compile until it is checked here); entities check the fields the domain reads and let any
// others through, so that a state written by this very mock always passes.
import {
  CLOUD_PROVIDERS,
  CLUSTER_STATES,
  CLUSTER_TYPES,
  EAR_PROVIDER_NAMES,
  KEY_STATES,
  SNAPSHOT_STATUSES,
  type AlertConfig,
  type ApiKeyRecord,
  type BackupSchedule,
  type Cluster,
  type Credential,
  type KmsKey,
  type MockState,
  type Notification,
  type OpenAlert,
  type Project,
  type RestoreJob,
  type ServiceAccountRecord,
  type Snapshot,
  type Timer,
  type TimerKind,
} from '@mock-atlas/domain';

/** Appends a problem (`<path>: <what is wrong>`) for each way `value` differs from the expected shape. */
type Check = (value: unknown, at: string, problems: string[]) => void;

/** The outcome of {@link checkMockState}. */
export type StateCheck = { readonly ok: true; readonly state: MockState } | { readonly ok: false; readonly problems: readonly string[] };

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(at: string, key: string | number): string {
  if (typeof key === 'number') return `${at}[${key}]`;
  const name = /^[\w$-]+$/.test(key) ? key : JSON.stringify(key);
  return at === '' ? name : `${at}.${name}`;
}

function where(at: string): string {
  return at === '' ? '(the document)' : at;
}

const string: Check = (v, at, out) => {
  if (typeof v !== 'string') out.push(`${where(at)}: expected a string, found ${kindOf(v)}`);
};

const nonEmptyString: Check = (v, at, out) => {
  if (typeof v !== 'string' || v === '') out.push(`${where(at)}: expected a non-empty string, found ${kindOf(v)}`);
};

const boolean: Check = (v, at, out) => {
  if (typeof v !== 'boolean') out.push(`${where(at)}: expected true or false, found ${kindOf(v)}`);
};

const number: Check = (v, at, out) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) out.push(`${where(at)}: expected a number, found ${kindOf(v)}`);
};

const count: Check = (v, at, out) => {
  if (!Number.isSafeInteger(v) || (v as number) < 0) out.push(`${where(at)}: expected a whole number >= 0, found ${kindOf(v)}`);
};

/** An instant the domain can `Date.parse`. */
const instant: Check = (v, at, out) => {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) out.push(`${where(at)}: expected an ISO-8601 instant, found ${kindOf(v)}`);
};

const settingValue: Check = (v, at, out) => {
  if (typeof v !== 'string' && typeof v !== 'boolean') out.push(`${where(at)}: expected a string or a boolean, found ${kindOf(v)}`);
};

const anyObject: Check = (v, at, out) => {
  if (!isPlainObject(v)) out.push(`${where(at)}: expected an object, found ${kindOf(v)}`);
};

function oneOf(values: readonly string[]): Check {
  return (v, at, out) => {
    if (typeof v !== 'string' || !values.includes(v)) out.push(`${where(at)}: expected one of ${values.join(', ')}, found ${kindOf(v)}`);
  };
}

function arrayOf(item: Check): Check {
  return (v, at, out) => {
    if (!Array.isArray(v)) {
      out.push(`${where(at)}: expected an array, found ${kindOf(v)}`);
      return;
    }
    v.forEach((element, index) => item(element, join(at, index), out));
  };
}

/** An object used as a map; `key` restricts its keys (e.g. to cloud providers). */
function recordOf(value: Check, key?: readonly string[]): Check {
  return (v, at, out) => {
    if (!isPlainObject(v)) {
      out.push(`${where(at)}: expected an object, found ${kindOf(v)}`);
      return;
    }
    for (const [k, element] of Object.entries(v)) {
      if (key && !key.includes(k)) out.push(`${join(at, k)}: unexpected key; expected one of ${key.join(', ')}`);
      else value(element, join(at, k), out);
    }
  };
}

// Checks made by `opt`: `object` lets their field be absent.
const OPTIONAL = new WeakSet<Check>();

function isOptional(check: Check): boolean {
  return OPTIONAL.has(check);
}

/** A field that may be absent, checked when present. */
function opt(check: Check): Check {
  const wrapped: Check = (v, at, out) => {
    if (v !== undefined) check(v, at, out);
  };
  OPTIONAL.add(wrapped);
  return wrapped;
}

/** An object with these fields (wrap optional ones in `opt`); other fields are let through. */
function object(fields: Readonly<Record<string, Check>>): Check {
  return (v, at, out) => {
    if (!isPlainObject(v)) {
      out.push(`${where(at)}: expected an object, found ${kindOf(v)}`);
      return;
    }
    for (const [name, check] of Object.entries(fields)) {
      const value = Object.hasOwn(v, name) ? v[name] : undefined;
      if (value === undefined && !isOptional(check)) out.push(`${join(at, name)}: missing`);
      else check(value, join(at, name), out);
    }
  };
}

/** Field checks keyed by the entity's own field names, so a misspelt field fails to compile. */
type Fields<T> = { readonly [K in keyof T]?: Check };

const grant = object({ role: nonEmptyString, groupId: opt(string) });

const apiKey = object({ publicKey: nonEmptyString, privateKey: string, grants: arrayOf(grant) } satisfies Fields<ApiKeyRecord>);

const serviceAccount = object({ clientId: nonEmptyString, clientSecret: string, grants: arrayOf(grant) } satisfies Fields<ServiceAccountRecord>);

const kmsKey = object({ provider: oneOf(CLOUD_PROVIDERS), keyId: nonEmptyString, state: oneOf(KEY_STATES), createdAt: opt(instant) } satisfies Fields<KmsKey>);

const providerState = object({ enabled: boolean, valid: boolean, settings: recordOf(settingValue) });

const encryptionAtRest = object({
  providers: object(Object.fromEntries(CLOUD_PROVIDERS.map((p) => [p, providerState]))),
  enabledForSearchNodes: opt(boolean),
});

const region = object({
  provider: oneOf(CLOUD_PROVIDERS),
  region: nonEmptyString,
  priority: number,
  electableNodes: count,
  readOnlyNodes: count,
  analyticsNodes: count,
});

const replicationSpec = object({ zoneName: string, numShards: count, regions: arrayOf(region) });

const cluster = object({
  name: nonEmptyString,
  id: opt(string),
  groupId: opt(string),
  clusterType: oneOf(CLUSTER_TYPES),
  instanceSize: nonEmptyString,
  diskSizeGB: opt(number),
  replicationSpecs: arrayOf(replicationSpec),
  mongoDBMajorVersion: opt(string),
  legacyBackupEnabled: boolean,
  cloudBackupEnabled: boolean,
  pitEnabled: boolean,
  encryptionAtRestProvider: oneOf(EAR_PROVIDER_NAMES),
  paused: boolean,
  terminationProtectionEnabled: boolean,
  stateName: opt(oneOf(CLUSTER_STATES)),
  createDate: opt(instant),
  disabled: opt(object({ reason: nonEmptyString, since: instant })),
  pendingChanges: opt(anyObject),
} satisfies Fields<Cluster>);

const snapshot = object({
  id: nonEmptyString,
  clusterName: nonEmptyString,
  createdAt: instant,
  status: oneOf(SNAPSHOT_STATUSES),
  snapshotType: oneOf(['onDemand', 'scheduled', 'fallback']),
  description: opt(string),
  expiresAt: opt(instant),
  encryptionKey: opt(object({ provider: oneOf(CLOUD_PROVIDERS), keyId: nonEmptyString, masterKeyUUID: opt(string) })),
} satisfies Fields<Snapshot>);

const restoreJob = object({ clusterName: nonEmptyString, id: opt(string), snapshotId: opt(string), createdAt: opt(instant) } satisfies Fields<RestoreJob>);

const backupSchedule = object({ clusterName: nonEmptyString, policies: arrayOf(object({ policyItems: arrayOf(anyObject) })) } satisfies Fields<BackupSchedule>);

const credential = object({ kind: oneOf(['apiKey', 'serviceAccount']), id: nonEmptyString, secret: string, roles: arrayOf(string) } satisfies Fields<Credential>);

const projectFields = {
  id: nonEmptyString,
  name: string,
  encryptionAtRest,
  clusters: arrayOf(cluster),
  snapshots: arrayOf(snapshot),
  restoreJobs: arrayOf(restoreJob),
  backupSchedules: arrayOf(backupSchedule),
  credentials: arrayOf(credential),
} satisfies Fields<Project>;

/** Projects are keyed by their id; a key that disagrees would make two ids for one project. */
const projects: Check = (v, at, out) => {
  recordOf(object(projectFields))(v, at, out);
  if (!isPlainObject(v)) return;
  for (const [key, project] of Object.entries(v)) {
    if (isPlainObject(project) && typeof project.id === 'string' && project.id !== key) {
      out.push(`${join(join(at, key), 'id')}: is ${JSON.stringify(project.id)} but the project is stored under ${JSON.stringify(key)}`);
    }
  }
};

const alertConfig = object({
  id: nonEmptyString,
  groupId: nonEmptyString,
  eventTypeName: nonEmptyString,
  enabled: boolean,
  created: instant,
  updated: instant,
} satisfies Fields<AlertConfig>);

const openAlert = object({
  id: nonEmptyString,
  groupId: nonEmptyString,
  eventTypeName: nonEmptyString,
  status: oneOf(['OPEN', 'CLOSED']),
  created: instant,
  resolved: opt(instant),
  clusterNames: opt(arrayOf(string)),
} satisfies Fields<OpenAlert>);

const notification = object({
  id: nonEmptyString,
  groupId: nonEmptyString,
  at: instant,
  to: string,
  subject: string,
  body: string,
  clusterNames: arrayOf(string),
} satisfies Fields<Notification>);

/** Every timer kind and the fields its handler reads besides `kind` and `at`. */
const TIMER_FIELDS: { readonly [K in TimerKind]: Readonly<Record<Exclude<keyof Extract<Timer, { kind: K }>, 'kind' | 'at'>, Check>> } = {
  'cluster-transition': { groupId: nonEmptyString, clusterName: nonEmptyString, to: oneOf(['IDLE', 'DELETED']), retainBackups: opt(boolean) },
  'snapshot-transition': { groupId: nonEmptyString, snapshotId: nonEmptyString, to: oneOf(['inProgress', 'completed']) },
  'restore-transition': { groupId: nonEmptyString, restoreJobId: nonEmptyString, to: oneOf(['inProgress', 'completed']) },
  'backup-sweep': {},
  'validity-check': {},
  'rotation-check': {},
};

const timer: Check = (v, at, out) => {
  if (!isPlainObject(v)) {
    out.push(`${where(at)}: expected an object, found ${kindOf(v)}`);
    return;
  }
  const kinds = Object.keys(TIMER_FIELDS);
  if (typeof v.kind !== 'string' || !Object.hasOwn(TIMER_FIELDS, v.kind)) {
    out.push(`${join(at, 'kind')}: expected one of ${kinds.join(', ')}, found ${kindOf(v.kind)}`);
    return;
  }
  object({ at: instant, ...TIMER_FIELDS[v.kind as TimerKind] })(v, at, out);
};

/** Every field of MockState: adding one to the type fails to compile until it is checked here. */
const STATE_FIELDS: { readonly [K in keyof MockState]-?: Check } = {
  projects,
  kmsKeys: arrayOf(kmsKey),
  kmsCredentials: recordOf(recordOf(boolean, CLOUD_PROVIDERS)),
  keyConfiguredAt: recordOf(recordOf(instant, CLOUD_PROVIDERS)),
  apiKeys: arrayOf(apiKey),
  serviceAccounts: arrayOf(serviceAccount),
  alertConfigs: arrayOf(alertConfig),
  alerts: arrayOf(openAlert),
  outbox: arrayOf(notification),
  timers: arrayOf(timer),
  sequence: count,
};

/**
 * Checks that `value` (parsed JSON) is a whole MockState; lists every problem by its path.
 * Unknown top-level fields are refused (they mean a foreign document or a misspelling);
 * timers come back sorted by `at`, the order the clock relies on.
 * @example checkMockState(JSON.parse(text)) // → { ok: false, problems: ['apiKeys[0].publicKey: missing'] }
 */
export function checkMockState(value: unknown, at = ''): StateCheck {
  const problems: string[] = [];
  if (!isPlainObject(value)) return { ok: false, problems: [`${where(at)}: expected a mock-atlas state (a JSON object), found ${kindOf(value)}`] };
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(STATE_FIELDS, key)) problems.push(`${join(at, key)}: not a field of the mock-atlas state`);
  }
  object(STATE_FIELDS)(value, at, problems);
  if (problems.length > 0) return { ok: false, problems };
  const state = value as unknown as MockState;
  const timers = [...state.timers].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { ok: true, state: { ...state, timers } };
}

/** The first `max` problems as indented lines, with a count of the rest. */
export function formatProblems(problems: readonly string[], max = 10): string {
  const shown = problems.slice(0, max).map((p) => `  ${p}`);
  if (problems.length > max) shown.push(`  … and ${problems.length - max} more`);
  return shown.join('\n');
}
