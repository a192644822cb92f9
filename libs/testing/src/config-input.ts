import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigSource } from './embedded-app';

/**
 * A project config as `startMockAtlas({config})` takes it: a file path or `file:` URL, YAML
 * text (any string with a line break in it), or the object the YAML would parse to.
 * (`object` rather than a record type, so that a config typed by an interface is accepted.)
 * @example startMockAtlas({ config: new URL('./project.yaml', import.meta.url) })
 */
export type ConfigInput = string | URL | object;

const LINE_BREAK = /[\r\n]/;

/**
 * The configs in the form startServer loads: paths resolved against the working directory,
 * YAML text and objects kept in memory under a name that says which config a message is about.
 */
export function configSources(config: ConfigInput | readonly ConfigInput[]): (string | ConfigSource)[] {
  const inputs: readonly ConfigInput[] = Array.isArray(config) ? config : [config as ConfigInput];
  const label = (index: number) => (inputs.length === 1 ? 'config' : `config[${index}]`);
  return inputs.map((input, index): string | ConfigSource => {
    if (input instanceof URL) return fileURLToPath(input);
    if (typeof input === 'string') return LINE_BREAK.test(input) ? { name: `${label(index)} (YAML text)`, yaml: input } : resolve(input);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new TypeError(`${label(index)} must be a file path, a file: URL, YAML text or a config object`);
    }
    return { name: `${label(index)} (object)`, value: input };
  });
}
