// How this library's own tests talk to a started mock: HTTP Digest through urllib, the Accept
// header MongoDB's clients send, JSON either way.
import { request } from 'urllib';
import type { MockAtlas } from '../start-mock-atlas';

/** The Accept header MongoDB's own clients send to every v2 endpoint. */
export const CLIENT_ACCEPT = 'application/vnd.atlas.2025-03-12+json';

export type Json = Record<string, unknown>;

export interface Reply {
  readonly status: number;
  readonly body: Json;
}

/**
 * Calls the Atlas API of `atlas` under /api/atlas/v2/groups/{groupId} with its API key.
 * @example const clusters = await callAtlas(atlas, 'GET', '/clusters');
 */
export async function callAtlas(
  atlas: Pick<MockAtlas, 'baseUrl' | 'groupId' | 'apiKey'>,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Reply> {
  const res = await request(`${atlas.baseUrl}/api/atlas/v2/groups/${atlas.groupId}${path}`, {
    method,
    digestAuth: `${atlas.apiKey.publicKey}:${atlas.apiKey.privateKey}`,
    headers: { Accept: CLIENT_ACCEPT, ...(body === undefined ? {} : { 'Content-Type': CLIENT_ACCEPT }) },
    ...(body === undefined ? {} : { content: JSON.stringify(body) }),
    dataType: 'text',
    timeout: 10_000,
  });
  const text = String(res.data ?? '');
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}
