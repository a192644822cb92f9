import { mediaTypeOf as atlasMediaType } from '@mock-atlas/atlas-http';

/**
 * Accept (and body Content-Type) of an API version: plain JSON for v1.0, the versioned Atlas
 * media type otherwise.
 * @example mediaTypeOf('2024-10-23') // → 'application/vnd.atlas.2024-10-23+json'
 */
export function mediaTypeOf(version: 'v1.0' | `20${string}`): string {
  return version === 'v1.0' ? 'application/json' : atlasMediaType(version);
}
