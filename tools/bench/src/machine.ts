// The machine a run happened on, recorded with its results: absolute times mean little without it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

/** What the results file says about the machine. */
export interface Machine {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly memoryTotalGiB: number;
  /** `free -h` as printed. */
  readonly free: string;
  readonly node: string;
  readonly platform: string;
  readonly loadAverage: readonly number[];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Describes this machine now. */
export function describeMachine(): Machine {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' });
  return {
    nproc: availableParallelism(),
    cpuModel: cpuModel(),
    memoryTotalGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    free: free.status === 0 ? free.stdout.trim() : 'free -h unavailable',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
