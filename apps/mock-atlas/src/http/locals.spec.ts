import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onResponseEnd } from './locals';
import { listen, type Listening } from './testing/listen';

/** An app whose two middlewares each add an end hook that notes `<name>:<writableFinished>`. */
function appNoting(calls: string[], answer: boolean) {
  const app = express();
  for (const name of ['first', 'second']) {
    app.use((_req, res, next) => {
      onResponseEnd(res, () => calls.push(`${name}:${res.writableFinished}`));
      next();
    });
  }
  app.get('/', (_req, res) => {
    if (answer) res.json({ ok: true });
    // else: never answered; the client gives up
  });
  return app;
}

describe('onResponseEnd', () => {
  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('runs every hook once, in the order added, after a response finished (finish and close both fire)', async () => {
    const calls: string[] = [];
    server = await listen(appNoting(calls, true));
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    await res.text();
    await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(2));
    // Give a late 'close' the chance to run the hooks a second time.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual(['first:true', 'second:true']);
  });

  it('runs every hook once when the client leaves before any response', async () => {
    const calls: string[] = [];
    server = await listen(appNoting(calls, false));
    await expect(fetch(`${server.url}/`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual(['first:false', 'second:false']);
  });
});
