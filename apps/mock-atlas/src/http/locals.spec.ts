import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { onResponseEnd } from './locals';

/** What onResponseEnd uses of a response: its events and res.locals. */
function fakeResponse(): Response & EventEmitter {
  return Object.assign(new EventEmitter(), { locals: {} }) as unknown as Response & EventEmitter;
}

function withTwoHooks(): { res: Response & EventEmitter; calls: string[] } {
  const res = fakeResponse();
  const calls: string[] = [];
  onResponseEnd(res, () => calls.push('first'));
  onResponseEnd(res, () => calls.push('second'));
  return { res, calls };
}

describe('onResponseEnd', () => {
  it.each([
    ['a finished response (finish, then close)', ['finish', 'close']],
    ['a client that left before any response (close only)', ['close']],
    ['close before finish', ['close', 'finish']],
  ])('runs every hook once, in the order added: %s', (_name, events) => {
    const { res, calls } = withTwoHooks();
    expect(calls).toEqual([]);
    for (const event of events) res.emit(event);
    expect(calls).toEqual(['first', 'second']);
  });

  it('adds one pair of listeners however many hooks there are', () => {
    const { res } = withTwoHooks();
    onResponseEnd(res, () => undefined);
    expect([res.listenerCount('finish'), res.listenerCount('close')]).toEqual([1, 1]);
  });
});
