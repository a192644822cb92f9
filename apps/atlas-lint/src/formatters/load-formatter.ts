import type { FormatName, Formatter } from './types';

/**
 * Loads the chosen formatter only: each is its own chunk of the bundle, so the CLI
 * never parses the four it does not use.
 * @example const format = await loadFormatter('sarif'); process.stdout.write(format(results, ctx));
 */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish')).stylish;
    case 'json':
      return (await import('./json')).json;
    case 'sarif':
      return (await import('./sarif')).sarif;
    case 'github':
      return (await import('./github')).github;
    case 'junit':
      return (await import('./junit')).junit;
  }
}
