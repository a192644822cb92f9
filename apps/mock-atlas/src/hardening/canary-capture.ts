// The secrets canary (issue 8 item 6): unique values planted in every secret slot, everything
// the mock writes anywhere captured as text, and a search of the captures for each value.
// A canary is letters and digits only, so JSON escaping, URL encoding and log formatting all
// leave it intact: if the mock wrote it anywhere, in any of those forms, the search finds it.
import { randomBytes } from 'node:crypto';

/** One captured output: where it came from (`response POST /_mock/apiKeys`, `log`, `state file`) and its text. */
export interface Captured {
  readonly where: string;
  readonly text: string;
}

/** One secret that must not appear, and where it may (e.g. an access token in its own token response). */
export interface Canary {
  readonly name: string;
  readonly value: string;
  /** The captures (by `where`) allowed to hold it; none by default. */
  readonly allowedIn?: (where: string) => boolean;
}

/** A found leak: which secret, where, and the text around it. */
export interface Leak {
  readonly canary: string;
  readonly where: string;
  readonly excerpt: string;
}

/**
 * A fresh canary value for this run: `CANARY<name><16 hex digits>`.
 * @example canaryValue('AwsSecret') // → 'CANARYAwsSecret5f0c…'
 */
export function canaryValue(name: string): string {
  return `CANARY${name}${randomBytes(8).toString('hex')}`;
}

/**
 * Everything captured during a run.
 * @example const capture = new Capture(); capture.add('log', lines.join('')); findLeaks(capture.items, canaries);
 */
export class Capture {
  readonly items: Captured[] = [];

  add(where: string, text: string | Buffer): void {
    this.items.push({ where, text: typeof text === 'string' ? text : text.toString('utf8') });
  }

  /** The captures whose `where` starts with a prefix, for asserting that a kind of output was captured at all. */
  count(prefix: string): number {
    return this.items.filter((c) => c.where.startsWith(prefix)).length;
  }
}

/**
 * Every occurrence of every canary outside the captures it is allowed in.
 * @example expect(findLeaks(capture.items, canaries)).toEqual([]);
 */
export function findLeaks(items: readonly Captured[], canaries: readonly Canary[]): Leak[] {
  const leaks: Leak[] = [];
  for (const canary of canaries) {
    for (const item of items) {
      const at = item.text.indexOf(canary.value);
      if (at < 0 || canary.allowedIn?.(item.where)) continue;
      leaks.push({ canary: canary.name, where: item.where, excerpt: item.text.slice(Math.max(0, at - 80), at + canary.value.length + 40) });
    }
  }
  return leaks;
}

/**
 * The lines of a PEM private key's base64 body (64 characters each, the last shorter): a leak of
 * the key in any form that keeps its lines (PEM text, JSON-escaped PEM) contains one of them.
 */
export function pemBodyLines(pem: string): string[] {
  return pem
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('-----') && l.length >= 16);
}
