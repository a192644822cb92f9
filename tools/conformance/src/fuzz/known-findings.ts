// What the fuzzer found and this suite does not fix, because the fix belongs to another part of
// the work (named in `owner`). A problem a known finding matches is counted, not failed;
// known-findings.spec.ts fails as soon as the example no longer shows it, so that the entry is
// deleted the day it is fixed, and nothing else is ever excused.
import type { FuzzRequest } from './requests';

/** One problem the fuzzer finds, reported and pinned. */
export interface KnownFinding {
  readonly id: string;
  readonly summary: string;
  /** Who owns the fix. */
  readonly owner: string;
  /** Whether a problem line (as fuzz-session.ts words it) is this finding. */
  readonly matches: (problem: string, request: FuzzRequest) => boolean;
  /** A request that shows it. */
  readonly example: FuzzRequest;
}

// Fixed and removed: legacy-create-without-a-region and tenant-create-without-a-size (a v1.0
// create now needs a region and, FLEX aside, an instanceSizeName: 400 MISSING_ATTRIBUTE in the
// mock, the same finding in the linter).
export const KNOWN_FINDINGS: readonly KnownFinding[] = [];

/**
 * A request's problems split into those no known finding excuses (failures) and the ids of the
 * known findings the others are (counted). FuzzSession.send reports through this.
 * @example splitKnown(['5xx: 500 UNEXPECTED_ERROR'], request) // → { problems: ['5xx: …'], pinned: [] }
 */
export function splitKnown(
  all: readonly string[],
  request: FuzzRequest,
  known: readonly KnownFinding[] = KNOWN_FINDINGS,
): { problems: string[]; pinned: string[] } {
  const problems: string[] = [];
  const pinned: string[] = [];
  for (const problem of all) {
    const finding = known.find((k) => k.matches(problem, request));
    if (finding) pinned.push(finding.id);
    else problems.push(problem);
  }
  return { problems, pinned };
}
