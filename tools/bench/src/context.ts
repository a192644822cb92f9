// What every figure needs: where things are, how long to load, where to put generated inputs.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shared settings of one bench run. */
export interface BenchContext {
  readonly root: string;
  /** The bundled mock-atlas CLI. */
  readonly mockBin: string;
  /** The bundled atlas-lint CLI. */
  readonly lintBin: string;
  /** The bench's own bundled children (bare-express.mjs, scale-server.mjs). */
  readonly benchDist: string;
  /** A fresh temporary directory for generated inputs, removed at the end. */
  readonly tmp: string;
  /** Seconds of each load run (issue 7: 10). */
  readonly seconds: number;
  /** Seconds of the warm-up run before a server is measured. */
  readonly warmupSeconds: number;
  /** Progress messages (stderr). */
  log(message: string): void;
}

/** The workspace root: the nearest directory above `from` holding nx.json. */
export function workspaceRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

/** The Accept header MongoDB's clients send to v2 (the SDK's version date). */
export const CLIENT_V2_ACCEPT = 'application/vnd.atlas.2025-03-12+json';

/** The seed of every generated input. */
export const SEED = 0x7a11a5;
