import { spawnSync } from 'node:child_process';
import { BUILD_SCRIPT } from './cli';

/** Builds dist/atlas-lint.mjs so that the e2e tests never run a stale bundle. */
export default function setup(): void {
  const built = spawnSync(process.execPath, [BUILD_SCRIPT], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`atlas-lint build failed:\n${built.stdout}\n${built.stderr}`);
}
