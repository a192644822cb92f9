/** Exit codes of atlas-lint, as ESLint uses them. */
export const EXIT = {
  /** No finding at or above the threshold. */
  clean: 0,
  /** Findings at or above --fail-severity, or more warnings than --max-warnings. */
  findings: 1,
  /** Bad usage, an invalid config, a file that cannot be read, or an internal error. */
  error: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
