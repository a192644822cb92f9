// `${env:NAME}` references in secret-bearing config fields, resolved at load time by the mock.
import { formatPath, type Finding, type Path } from '@mock-atlas/model';

/** A whole value of the form `${env:NAME}` (as security/no-plaintext-secrets reads it). */
const ENV_REFERENCE = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The variable a value refers to, if the value is exactly one reference. */
export function envReferenceOf(value: unknown): string | undefined {
  return typeof value === 'string' ? ENV_REFERENCE.exec(value)?.[1] : undefined;
}

/** Resolves references against an environment, collecting a finding for each unset variable. */
export interface SecretResolver {
  /** The value with its reference replaced; an unset variable leaves the reference as written. */
  resolve(value: string, path: Path): string;
  readonly problems: Finding[];
}

/**
 * A resolver over `env`; with `enabled` false it returns values unchanged (the linter
 * checks files as written). The finding for an unset variable names the variable and
 * the field, never a value.
 * @example secretResolver({ DEMO_KEY: 's3cret' }, true).resolve('${env:DEMO_KEY}', ['apiKeys', 0, 'privateKey']) // → 's3cret'
 */
export function secretResolver(env: Readonly<Record<string, string | undefined>>, enabled: boolean): SecretResolver {
  const problems: Finding[] = [];
  return {
    problems,
    resolve(value, path) {
      const name = enabled ? envReferenceOf(value) : undefined;
      if (name === undefined) return value;
      const resolved = env[name];
      if (resolved !== undefined) return resolved;
      problems.push({
        ruleId: 'config/env-unset',
        severity: 'error',
        errorCode: 'MISSING_ATTRIBUTE',
        httpStatus: 400,
        path,
        parameters: [formatPath(path)],
        message: `${formatPath(path)} refers to the environment variable ${name}, which is not set; set it before loading this config.`,
      });
      return value;
    },
  };
}
