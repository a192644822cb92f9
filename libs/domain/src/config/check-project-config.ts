import {
  CLOUD_PROVIDERS,
  EAR_DOCUMENT,
  type BackupSchedule,
  type Cluster,
  type Finding,
  type Project,
  type ProjectConfigModel,
  type RestoreJob,
} from '@mock-atlas/model';
import {
  allRules,
  DEFAULT_RULE_OPTIONS,
  runRules,
  type AnyRule,
  type KmsView,
  type Operation,
  type RuleContext,
  type RuleScope,
} from '@mock-atlas/rules';
import { validate } from '@mock-atlas/schemas';
import { applyEarRequest } from '../mappers/encryption-at-rest';
import { projectConfigToModel } from '../mappers/project-config';
import { isProviderValid } from '../kms/provider-validity';

export interface CheckProjectConfigOptions {
  /** Which tool asks: each runs the rules of its own scope. */
  readonly scope: RuleScope;
  /** ISO-8601 instant; the linter passes the wall clock, the mock its virtual clock. */
  readonly now: string;
  readonly keyRotationDays?: number;
  /** Environment for `${env:NAME}` secrets; given only by the mock, which resolves them. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Restrict or reorder the rules (e.g. the linter's configured severities); defaults to the catalog. */
  readonly rules?: readonly AnyRule[];
}

export interface CheckProjectConfigResult {
  readonly findings: readonly Finding[];
  /** The project as the mock would hold it after loading the file (what passed). */
  readonly model?: ProjectConfigModel;
}

function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/**
 * Checks a project config the way Atlas would see it applied to an empty project,
 * resource by resource: the EncryptionAtRest PATCH (one operation per provider document),
 * each cluster's POST, each backup schedule's PATCH, each planned restore job's POST, and
 * finally a review of the whole file. A refused operation leaves the project unchanged,
 * as a refused request leaves Atlas unchanged, so later operations see what Atlas would;
 * but a request naming a cluster whose create was refused is not refused again for it, so
 * that one mistake in the file is one finding.
 * @example checkProjectConfig(parsedYaml, { scope: 'lint', now: new Date().toISOString() }).findings
 */
export function checkProjectConfig(config: unknown, options: CheckProjectConfigOptions): CheckProjectConfigResult {
  const schemaFindings = validate('project-config', config);
  if (schemaFindings.length > 0) return { findings: schemaFindings };

  const { model, problems } = projectConfigToModel(config as Readonly<Record<string, unknown>>, {
    resolveSecrets: options.env !== undefined,
    ...(options.env ? { env: options.env } : {}),
  });
  const rules = (options.rules ?? allRules).filter((r) => r.scope.includes(options.scope));
  const kms: KmsView = { keys: model.kms.keys, credentialsValid: () => undefined, unseenKeys: 'unknown' };
  const ruleOptions = { ...DEFAULT_RULE_OPTIONS, ...(options.keyRotationDays ? { keyRotationDays: options.keyRotationDays } : {}) };
  const findings: Finding[] = [...problems];
  const check = (project: Project, op: Operation): Finding[] => {
    const ctx: RuleContext = { project, kms, now: options.now, options: ruleOptions, op };
    const found = runRules(ctx, rules);
    findings.push(...found);
    return found;
  };

  // The file's clusters, snapshots, schedules and restore jobs are replayed one by one
  // onto a project that starts with none of them.
  const declared = model.project;
  // Accepted resources are pushed onto these lists as the replay goes: rules see the
  // project as it is so far without the replay copying a list per resource.
  const clusters: Cluster[] = [];
  const backupSchedules: BackupSchedule[] = [];
  const restoreJobs: RestoreJob[] = [];
  let project: Project = { ...declared, clusters, backupSchedules, restoreJobs };

  const earBase = declared.encryptionAtRest.src?.base ?? ['encryptionAtRest'];
  const refusedProviders = new Set<string>();
  for (const provider of CLOUD_PROVIDERS) {
    const request = model.encryptionAtRestRequest[EAR_DOCUMENT[provider]];
    if (request === null || typeof request !== 'object') continue;
    const doc = request as Readonly<Record<string, unknown>>;
    const before = project.encryptionAtRest.providers[provider];
    const merged = applyEarRequest(before, provider, doc);
    const after = { ...merged, valid: isProviderValid(kms, provider, merged) };
    const op: Operation = { kind: 'updateEncryptionAtRest', provider, request: doc, at: [...earBase, EAR_DOCUMENT[provider]], before, after };
    if (hasError(check(project, op))) {
      refusedProviders.add(provider);
      continue;
    }
    project = {
      ...project,
      encryptionAtRest: { ...project.encryptionAtRest, providers: { ...project.encryptionAtRest.providers, [provider]: after } },
    };
  }

  for (const cluster of declared.clusters) {
    // A cluster using a provider whose configuration was refused is refused too, as Atlas
    // would, but without a second finding for the one mistake.
    const providerRefused = refusedProviders.has(cluster.encryptionAtRestProvider);
    const op: Operation = { kind: 'createCluster', cluster, ...(providerRefused ? { providerRefused } : {}) };
    if (!hasError(check(project, op)) && !providerRefused) clusters.push(cluster);
  }

  // A cluster whose create was refused is still one the user wrote: what names it is judged
  // on its own fields, and nothing calls the cluster missing again (its refusal is the finding,
  // and how the user fixes it decides what Atlas would say next). Such a request is not
  // accepted either, as Atlas would refuse it.
  const createdNames = new Set(clusters.map((c) => c.name));
  const refusedNames = new Set(declared.clusters.map((c) => c.name).filter((name) => !createdNames.has(name)));
  const isRefused = (name: string | undefined): boolean => name !== undefined && refusedNames.has(name);

  for (const schedule of declared.backupSchedules) {
    const clusterRefused = isRefused(schedule.clusterName);
    const op: Operation = { kind: 'updateBackupSchedule', schedule, ...(clusterRefused ? { clusterRefused } : {}) };
    if (!hasError(check(project, op)) && !clusterRefused) backupSchedules.push(schedule);
  }

  const clusterNamed = (name: string | undefined): Cluster | undefined =>
    name === undefined ? undefined : project.clusters.find((c) => c.name === name);
  for (const job of declared.restoreJobs) {
    const sameProject = job.targetGroupId === undefined || job.targetGroupId === project.id;
    const sourceCluster = clusterNamed(job.clusterName);
    const snapshot = project.snapshots.find((s) => s.id === job.snapshotId && s.clusterName === job.clusterName);
    const target = sameProject ? clusterNamed(job.targetClusterName) : undefined;
    const sourceRefused = isRefused(job.clusterName);
    const targetRefused = sameProject && isRefused(job.targetClusterName);
    const op: Operation = {
      kind: 'createRestoreJob',
      job,
      ...(sourceCluster ? { sourceCluster } : {}),
      ...(snapshot ? { snapshot } : {}),
      ...(target ? { target } : {}),
      ...(sameProject ? {} : { targetOutOfView: true }),
      ...(sourceRefused ? { sourceRefused } : {}),
      ...(targetRefused ? { targetRefused } : {}),
    };
    if (!hasError(check(project, op)) && !sourceRefused && !targetRefused) restoreJobs.push(job);
  }

  // A restore job's cluster and snapshot are looked up above (config/references-resolve on
  // createRestoreJob, among the accepted clusters, as the API looks them up). The review sees
  // the file as written (every declared cluster), so that a cluster refused above does not
  // also make its snapshot fixtures look like dangling references.
  check({ ...project, clusters: declared.clusters }, { kind: 'reviewConfig' });

  return { findings, model: { ...model, project } };
}
