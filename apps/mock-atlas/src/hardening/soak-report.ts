// The soak report as a person reads it.
import type { SoakReport } from './soak';
import { FAILURE_KINDS } from './soak-responses';

/**
 * The report as lines of text: figures, outcomes per operation, then any failures.
 * @example console.log(formatSoakReport(report));
 */
export function formatSoakReport(r: SoakReport): string {
  const lines = [
    `soak ${r.ok ? 'PASSED' : 'FAILED'}: ${r.clients} clients for ${r.durationS} s against ${r.baseUrl} (seed ${r.seed}, ${r.projects} projects × ${r.clustersPerProject} clusters)`,
    `  ${r.requests} requests, ${r.opsPerSecond} ops/s; latency p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`,
    `  ${r.clockTicks} clock ticks, ${r.authRenewals} credentials renewed after the mock's clock expired them (Bearer tokens, digest nonces)`,
    `  journal: ${r.journal.entries} entries read, ${r.journal.matched} responses ordered by state revision (${r.journal.reordered} accepted writes flushed out of commit order), ${r.journal.gaps} gaps`,
    `  replay: ${r.consistency.writesReplayed} accepted writes, ${r.consistency.readsChecked} bodies checked against the model, ${r.consistency.refusalsExplained} refusals explained; ` +
      `${r.consistency.liveClustersAtEnd} clusters live and ${r.consistency.deletedClustersAtEnd} deleted at the end`,
    '  outcomes per operation:',
  ];
  for (const [kind, outcomes] of Object.entries(r.byOperation)) {
    const parts = Object.entries(outcomes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([outcome, n]) => `${outcome}: ${n}`);
    lines.push(`    ${kind.padEnd(16)} ${parts.join(', ') || '-'}`);
  }
  const failed = FAILURE_KINDS.filter((k) => r.failures[k] > 0);
  lines.push(`  failures: ${failed.length === 0 ? 'none' : failed.map((k) => `${k} ${r.failures[k]}`).join(', ')}`);
  for (const kind of failed) for (const sample of r.samples[kind]) lines.push(`    [${kind}] ${sample}`);
  return lines.join('\n');
}
