import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets (or digests of them) in constant time. Both sides are hashed first, so the
 * comparison takes the same time whatever the inputs' lengths, and timingSafeEqual never throws.
 * @example safeEqual(expectedResponse, clientResponse)
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a, 'utf8').digest(), createHash('sha256').update(b, 'utf8').digest());
}
