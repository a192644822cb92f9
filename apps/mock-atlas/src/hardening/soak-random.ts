// The soak's only source of randomness: a small seeded generator, so that the operation mix
// of a run is reproducible from its seed (the interleaving of clients is not; the server's
// order is read back from its journal instead).

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence.
 * @example const rng = new SeededRandom(42); rng.int(0, 9) // always the same first number for 42
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** A key of `weights`, each as likely as its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

/**
 * The seed of one client: distinct per client, fixed by the run's seed.
 * @example clientSeed(42, 3)
 */
export function clientSeed(seed: number, client: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(client + 1, 0x85ebca6b)) >>> 0;
}
