// Reading the seed's example requests and responses (S3:518-612) straight from the seed file,
// so that the acceptance tests run and expect exactly what the reference page shows.
import { readFileSync } from 'node:fs';
import { SEED_S3_PATH } from './workspace';

let seedLinesCache: string[] | undefined;

/**
 * Lines `first`..`last` (1-based, inclusive) of S3 as the page's code block means them: the
 * line-number gutter (`  4| `), the empty `|` spacer lines and the trailing spaces of the
 * page's hard line breaks removed.
 * @example seedBlock(563, 582) // the JSON of the enable example response
 */
export function seedBlock(first: number, last: number): string {
  seedLinesCache ??= readFileSync(SEED_S3_PATH, 'utf8').split('\n');
  return seedLinesCache
    .slice(first - 1, last)
    .filter((line) => !/^\s*\|\s*$/.test(line))
    .map((line) => line.replace(/^\s*\d+\| ?/, '').replace(/\s+$/, ''))
    .join('\n');
}

/** S3:518-532, "Enable Encryption at Rest using Customer Key Management" (AWS). */
export const SEED_ENABLE_REQUEST_LINES = [518, 532] as const;
/** S3:541-551, "Disable Encryption at Rest using Customer Key Management". */
export const SEED_DISABLE_REQUEST_LINES = [541, 551] as const;
/** S3:563-582, the example response to the enable request. */
export const SEED_ENABLE_RESPONSE_LINES = [563, 582] as const;
/** S3:588-612, the example response to the disable request. */
export const SEED_DISABLE_RESPONSE_LINES = [588, 612] as const;

/** The placeholders of the seed's curl commands. */
export interface SeedCommandValues {
  readonly publicKey: string;
  readonly privateKey: string;
  readonly groupId: string;
  /** Replaces `https://cloud.mongodb.com`, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
}

/**
 * A seed curl command ready to run: the placeholders filled, the Atlas origin replaced by the
 * mock's, and `curl` named by its path (/usr/bin/curl, the real one). Nothing else changes:
 * the headers, `?pretty=true` and the `--data` text stay byte for byte as in the seed.
 */
export function seedCommand(lines: readonly [number, number], values: SeedCommandValues): string {
  const text = seedBlock(lines[0], lines[1]);
  if (!text.startsWith('curl --user "{PUBLIC-KEY}:{PRIVATE-KEY}" --digest \\')) throw new Error(`S3:${lines[0]} is not the seed's curl command`);
  return text
    .replace(/^curl /, '/usr/bin/curl ')
    .replace('{PUBLIC-KEY}:{PRIVATE-KEY}', `${values.publicKey}:${values.privateKey}`)
    .replace('https://cloud.mongodb.com', values.origin)
    .replace('{GROUP-ID}', values.groupId);
}

/** A seed example response as JSON. */
export function seedResponse(lines: readonly [number, number]): Record<string, Record<string, unknown>> {
  return JSON.parse(seedBlock(lines[0], lines[1])) as Record<string, Record<string, unknown>>;
}
