// Judges each response the moment it arrives: no 5xx; a body that is what the official
// contract gives for the operation, status and version (ContractValidator, successes and
// errors alike); a refusal only if it is one ALLOWED_REFUSALS lists for the operation. Keeps
// the counts the report gives, and the first few problems of each kind.
import type { ContractValidator } from '../testing/contract';
import type { HttpReply } from './soak-http';
import { ALLOWED_REFUSALS, OP_KINDS, type OpKind, type PlannedOp } from './soak-ops';

/** The kinds of failure a soak run counts. */
export const FAILURE_KINDS = ['connectionErrors', 'serverErrors', 'contractViolations', 'unexpectedRefusals', 'journal', 'inconsistencies', 'stateShape'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

const SAMPLES_PER_KIND = 8;

/** Counts per operation and outcome, failures, latencies. */
export class SoakTally {
  /** `kind → outcome → count`, the outcome being the status, with the error code for a refusal (`404 CLUSTER_NOT_FOUND`). */
  readonly outcomes: Record<OpKind, Record<string, number>> = Object.fromEntries(OP_KINDS.map((k) => [k, {}])) as Record<OpKind, Record<string, number>>;
  readonly failures: Record<FailureKind, number> = Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>;
  readonly samples: Record<FailureKind, string[]> = Object.fromEntries(FAILURE_KINDS.map((k) => [k, []])) as unknown as Record<FailureKind, string[]>;
  readonly latencies: number[] = [];
  responses = 0;

  fail(kind: FailureKind, message: string, count = 1): void {
    this.failures[kind] += count;
    if (this.samples[kind].length < SAMPLES_PER_KIND) this.samples[kind].push(message);
  }

  count(kind: OpKind, outcome: string): void {
    const row = this.outcomes[kind];
    row[outcome] = (row[outcome] ?? 0) + 1;
  }
}

/** What the checker made of one response. */
export interface Judged {
  /** The parsed body, when it was JSON. */
  readonly body?: unknown;
  readonly errorCode?: string;
}

/**
 * Checks one response and records it in the tally.
 * @example const judged = judgeResponse(validator, tally, baseUrl, op, reply, 12.5);
 */
export function judgeResponse(validator: ContractValidator, tally: SoakTally, baseUrl: string, op: PlannedOp, reply: HttpReply, ms: number): Judged {
  tally.responses += 1;
  tally.latencies.push(ms);
  const what = `${op.method} ${op.path} → ${reply.status}`;
  let body: unknown;
  if (reply.body.trim() !== '') {
    try {
      body = JSON.parse(reply.body);
    } catch {
      tally.fail('contractViolations', `${what}: the body is not JSON: ${reply.body.slice(0, 120)}`);
    }
  }
  const record = body as { errorCode?: unknown; error?: unknown } | undefined;
  const errorCode = reply.status >= 400 && typeof record?.errorCode === 'string' ? record.errorCode : undefined;
  tally.count(op.kind, errorCode ? `${reply.status} ${errorCode}` : String(reply.status));
  if (reply.status >= 500) tally.fail('serverErrors', `${what}: ${reply.body.slice(0, 200)}`);
  const check = validator.checkOne({ client: reply.client, method: op.method, url: `${baseUrl}${op.path}`, status: reply.status, headers: reply.headers, body: reply.body });
  if (check.problems.length > 0) tally.fail('contractViolations', `${what} (${check.schemaKey ?? 'no schema'}): ${check.problems.slice(0, 3).join('; ')}`);
  if (reply.status >= 400 && reply.status < 500) {
    const allowed = ALLOWED_REFUSALS[op.kind].includes(`${reply.status} ${errorCode}`);
    if (!allowed) tally.fail('unexpectedRefusals', `${what}: ${reply.body.slice(0, 200)}`);
    else if (record?.error !== reply.status) tally.fail('contractViolations', `${what}: error ${String(record?.error)} does not repeat the status`);
  }
  return { ...(body !== undefined ? { body } : {}), ...(errorCode ? { errorCode } : {}) };
}
