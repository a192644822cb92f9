import { stringify } from 'yaml';

/**
 * A config value as the YAML text both tools read: block style, no anchors (a value used twice
 * is written twice) and no line folding, so that a failure message reads like a hand-written file.
 * @example toYaml({ version: 1, project: { name: 'p' } }) // → 'version: 1\nproject:\n  name: p\n'
 */
export function toYaml(config: unknown): string {
  return stringify(config, { aliasDuplicateObjects: false, lineWidth: 0 });
}
