// Rules never contradict the linter: a request whose resource a config can hold (a new cluster,
// Encryption at Rest on a project without it, a restore job, a backup schedule) is written into the base's config,
// which is linted; the linter must then judge that resource as the API judged the request.
// Accepted ⇔ no lint error on it; refused by a rule ⇔ the linter's first error there (in the
// API's order of checks: lookups, then rules in catalog order) has the same status and errorCode;
// refused for the body's shape ⇔ a schema error there with the same status and errorCode.
import { CLOUD_PROVIDERS, EAR_DOCUMENT, parseYamlSource } from '@mock-atlas/domain';
import { backupScheduleRequestSchema, CLUSTER_NAME_PATTERN, projectConfigSchema, restoreJobRequestSchema } from '@mock-atlas/schemas';
import { rankOf } from '../check-api';
import { stepOfPath } from '../config-steps';
import { expectedAnswerOf, lintConfig, sharedFindings, type LintFinding } from '../lint-config';
import type { Reply } from '../mock-under-test';
import { toYaml } from '../to-yaml';
import { PROJECT } from './bases';
import { successStatusOf, type FuzzRequest } from './requests';
import { isRecord } from '../config-steps';

/** The outcome of comparing one request with the linter. */
export type Agreement =
  | { readonly compared: true; readonly problems: readonly string[]; readonly lintErrors: readonly string[] }
  | { readonly compared: false; readonly reason: string };

type Doc = Record<string, unknown>;

/**
 * The read-only attributes POST restoreJobs accepts (so that a GET body can be sent back) and a
 * config's restore job does not: it holds only what a client sets, besides its `cluster`.
 */
const CONFIG_RESTORE_KEYS = Object.keys(projectConfigSchema.properties.restoreJobs.items?.properties ?? {});
const RESTORE_READ_ONLY_KEYS = Object.keys(restoreJobRequestSchema.properties).filter((key) => !CONFIG_RESTORE_KEYS.includes(key));
const CONFIG_SCHEDULE_KEYS = Object.keys(projectConfigSchema.properties.backupSchedules.items?.properties ?? {});
const SCHEDULE_READ_ONLY_KEYS = Object.keys(backupScheduleRequestSchema.properties).filter((key) => !CONFIG_SCHEDULE_KEYS.includes(key));

/** The layout the config's schema reads a cluster in: 2024-08-05 when a replication spec has regionConfigs. */
function configLayoutOf(body: Doc): 'legacy' | '20240805' {
  const specs = body['replicationSpecs'];
  return Array.isArray(specs) && specs.some((spec) => isRecord(spec) && 'regionConfigs' in spec) ? '20240805' : 'legacy';
}

/** The request's resource as a config entry, the step ids its findings fall under, or why it has none. */
function asConfigEntry(request: FuzzRequest, body: Doc): { config: Doc; steps: readonly string[] } | string {
  const config = structuredClone(request.operation.base.config) as Doc;
  const append = (list: string, entry: unknown): string => {
    const entries = Array.isArray(config[list]) ? [...(config[list] as unknown[])] : [];
    config[list] = [...entries, entry];
    return `${list}[${entries.length}]`;
  };
  switch (request.operation.resource) {
    case 'encryptionAtRest':
      config['encryptionAtRest'] = body;
      // The API checks the provider documents in this order, as the replay does, then the rest.
      return { config, steps: [...CLOUD_PROVIDERS.map((p) => `encryptionAtRest.${EAR_DOCUMENT[p]}`), 'encryptionAtRest'] };
    case 'clusters': {
      const layout = request.version === 'v1.0' || request.version === '2023-01-01' ? 'legacy' : '20240805';
      if (configLayoutOf(body) !== layout) return `a config reads this body in the ${configLayoutOf(body)} layout, the API in the ${layout} one`;
      return { config, steps: [append('clusters', body)] };
    }
    case 'restoreJobs': {
      const readOnly = Object.keys(body).filter((key) => RESTORE_READ_ONLY_KEYS.includes(key));
      if (readOnly.length > 0) return 'read-only attributes, which a config\'s restore job does not hold';
      if (!new RegExp(CLUSTER_NAME_PATTERN).test(request.clusterName)) return 'the path names no cluster a config could name';
      if ('cluster' in body) return 'the body has a `cluster`, which a config takes as the path\'s';
      const targeted = body['deliveryType'] === 'automated' || body['deliveryType'] === 'pointInTime';
      if (targeted && body['targetGroupId'] !== undefined && body['targetGroupId'] !== PROJECT.id) return 'known divergence foreign-target-project';
      return { config, steps: [append('restoreJobs', { cluster: request.clusterName, ...body })] };
    }
    case 'backupSchedules': {
      const readOnly = Object.keys(body).filter((key) => SCHEDULE_READ_ONLY_KEYS.includes(key));
      if (readOnly.length > 0) return 'read-only attributes, which a config\'s backup schedule does not hold';
      if (!new RegExp(CLUSTER_NAME_PATTERN).test(request.clusterName)) return 'the path names no cluster a config could name';
      if ('cluster' in body) return 'the body has a `cluster`, which a config takes as the path\'s';
      return { config, steps: [append('backupSchedules', { cluster: request.clusterName, ...body })] };
    }
    default:
      return 'no config resource';
  }
}


/** What the mock's refusal is lookups only: the path's cluster, which Atlas looks up before reading the body. */
function isPathLookup(request: FuzzRequest, answered: string): boolean {
  return answered === '404 CLUSTER_NOT_FOUND' && request.operation.key.includes('{clusterName}') && !request.operation.base.clusters.includes(request.clusterName);
}

/**
 * Compares the API's answer to a request with the linter's verdict on the base config plus the
 * request's resource; `compared: false` says why the request has no config counterpart.
 * @example compareWithLinter(request, reply) // → { compared: true, problems: [], lintErrors: [] }
 */
export function compareWithLinter(request: FuzzRequest, reply: Reply): Agreement {
  if (!request.operation.resource) return { compared: false, reason: 'no config resource' };
  if (request.groupId !== PROJECT.id) return { compared: false, reason: 'another project' };
  if (!isRecord(request.body)) return { compared: false, reason: 'the body is not an object' };
  // Refused before it was read: the body is over the size limit, which no config has.
  if (reply.status === 413) return { compared: false, reason: 'the body is over the size limit' };
  const entry = asConfigEntry(request, request.body);
  if (typeof entry === 'string') return { compared: false, reason: entry };
  const text = toYaml(entry.config);
  if (JSON.stringify(parseYamlSource(text).value) !== JSON.stringify(entry.config)) return { compared: false, reason: 'YAML does not round-trip the body' };

  const errors = sharedFindings(lintConfig(text)).filter((f) => f.severity === 'error');
  const stepOf = (f: LintFinding) => entry.steps.indexOf(stepOfPath(f.path ?? '') ?? '');
  const own = errors.filter((f) => stepOf(f) >= 0);
  const lintErrors = own.map((f) => `${f.ruleId} ${expectedAnswerOf(f)} at ${f.path ?? '?'}`);
  const problems: string[] = [];
  const elsewhere = errors.filter((f) => stepOf(f) < 0);
  if (elsewhere.length > 0) problems.push(`the linter reports errors outside the request's resource: ${elsewhere.map((f) => `${f.ruleId} at ${f.path}`).join(', ')}`);

  const ok = reply.status === successStatusOf(request);
  const body = isRecord(reply.body) ? reply.body : {};
  const answered = ok ? `${reply.status}` : `${reply.status} ${String(body['errorCode'] ?? '-')}`;
  const schema = own.filter((f) => f.ruleId.startsWith('schema/'));
  if (own.length === 0) {
    if (!ok) problems.push(`the linter accepts the resource, but the API answered ${answered}`);
  } else if (schema.length > 0) {
    const codes = [...new Set(schema.map(expectedAnswerOf))];
    if (ok) problems.push(`the linter reports a schema error (${codes.join(', ')}), but the API accepted the request`);
    else if (!codes.includes(answered) && !isPathLookup(request, answered)) problems.push(`the linter's schema errors are ${codes.join(' or ')}, but the API answered ${answered}`);
  } else {
    const ordered = [...own].sort((a, b) => stepOf(a) - stepOf(b) || rankOf(a) - rankOf(b));
    const first = ordered.filter((f) => stepOf(f) === stepOf(ordered[0]!) && rankOf(f) === rankOf(ordered[0]!));
    const codes = [...new Set(first.map(expectedAnswerOf))];
    if (ok) problems.push(`the linter's first error is ${first.map((f) => f.ruleId).join(' or ')} (${codes.join(', ')}), but the API accepted the request`);
    else if (!codes.includes(answered)) problems.push(`the linter's first error is ${first.map((f) => `${f.ruleId} ${expectedAnswerOf(f)}`).join(' or ')}, but the API answered ${answered}`);
  }
  return { compared: true, problems, lintErrors };
}
