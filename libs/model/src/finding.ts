import type { Path } from './path';

/** How loudly the linter reports a rule; `off` disables it. */
export type Severity = 'error' | 'warn';

/** A second location that explains a finding (e.g. the snapshot a restore job points at). */
export interface RelatedLocation {
  readonly path: Path;
  readonly message: string;
}

/**
 * One verdict of one rule about one node. The linter positions `path` in a YAML file;
 * the mock turns the same finding into an Atlas error body with `errorCode` and `httpStatus`.
 */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** The Atlas errorCode the mock answers with; absent for lint-only advice. */
  readonly errorCode?: string;
  readonly httpStatus?: number;
  readonly message: string;
  readonly path: Path;
  /** The values Atlas substitutes into its error detail (e.g. the missing attribute name). */
  readonly parameters?: readonly unknown[];
  readonly related?: readonly RelatedLocation[];
}
