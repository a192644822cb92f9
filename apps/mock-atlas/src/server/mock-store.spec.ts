import { emptyState, putApiKey, putServiceAccount, type MockState } from '@mock-atlas/domain';
import { describe, expect, it } from 'vitest';
import { MockStore } from './mock-store';
import { VirtualClock } from './virtual-clock';

const GROUP = '5e2211c17a3e5a48f5497de3';

function withCredentials(count: number): MockState {
  let state = emptyState();
  for (let i = 0; i < count; i += 1) {
    state = stateOf(putServiceAccount(state, { id: `sa-${i}`, secret: `secret-${i}`, roles: ['GROUP_OWNER'], groupId: GROUP }));
    state = stateOf(putApiKey(state, { id: `key-${i}`, secret: `private-${i}`, roles: ['GROUP_READ_ONLY'] }));
  }
  return state;
}

function stateOf<T>(result: { ok: true; state: MockState; value: T } | { ok: false }): MockState {
  if (!result.ok) throw new Error('refused');
  return result.state;
}

describe('MockStore credential lookups (indexed, docs/benchmarks.md)', () => {
  it('finds every credential of a large state by id, and nothing for an unknown id', () => {
    const store = new MockStore(withCredentials(1000), new VirtualClock('manual'));
    expect(store.findServiceAccount('sa-999')).toEqual({ clientSecret: 'secret-999', grants: [{ role: 'GROUP_OWNER', groupId: GROUP }] });
    expect(store.findApiKey('key-0')).toEqual({ privateKey: 'private-0', grants: [{ role: 'GROUP_READ_ONLY' }] });
    expect(store.findServiceAccount('sa-1000')).toBeUndefined();
    expect(store.findApiKey('sa-1')).toBeUndefined();
  });

  it('sees credentials created, replaced and removed after an earlier lookup', () => {
    const store = new MockStore(withCredentials(2), new VirtualClock('manual'));
    expect(store.findServiceAccount('sa-new')).toBeUndefined();
    store.commit(putServiceAccount(store.state, { id: 'sa-new', secret: 's', roles: ['GROUP_OWNER'] }));
    expect(store.findServiceAccount('sa-new')?.clientSecret).toBe('s');
    store.commit(putApiKey(store.state, { id: 'key-1', secret: 'rotated', roles: ['GROUP_OWNER'] }));
    expect(store.findApiKey('key-1')?.privateKey).toBe('rotated');
    store.reset(true);
    expect(store.findServiceAccount('sa-new')).toBeUndefined();
    expect(store.findApiKey('key-1')).toBeUndefined();
  });

  it('answers the first of two records with one id, as a scan of the list would', () => {
    const state = withCredentials(0);
    const twice = { ...state, apiKeys: [{ publicKey: 'dup', privateKey: 'first', grants: [] }, { publicKey: 'dup', privateKey: 'second', grants: [] }] };
    expect(new MockStore(twice, new VirtualClock('manual')).findApiKey('dup')?.privateKey).toBe('first');
  });
});
