import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { chain } from './chain';

/** An app with one GET route running `handlers` as one chain; errors answer 500 with their message. */
function appWith(handlers: RequestHandler[]) {
  const app = express();
  app.get('/x', chain(handlers));
  app.get('/x', (_req, res) => {
    res.send('next route');
  });
  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    res.status(500).send(`error: ${(err as Error).message}`);
  };
  app.use(onError);
  return app;
}

const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.locals['seen'] = [...((res.locals['seen'] as string[] | undefined) ?? []), name];
    next();
  };
const finish: RequestHandler = (_req, res) => {
  res.send((res.locals['seen'] as string[]).join(','));
};

describe('chain', () => {
  it('runs the handlers in order, each on the previous one’s next()', async () => {
    const res = await request(appWith([mark('a'), mark('b'), mark('c'), finish])).get('/x');
    expect(res.text).toBe('a,b,c');
  });

  it('gives Express the error a handler passes to next(), and runs none after it', async () => {
    const fail: RequestHandler = (_req, _res, next) => next(new Error('refused'));
    const res = await request(appWith([mark('a'), fail, mark('never'), finish])).get('/x');
    expect([res.status, res.text]).toEqual([500, 'error: refused']);
  });

  it('turns a thrown error into the same', async () => {
    const thrower: RequestHandler = () => {
      throw new Error('thrown');
    };
    const res = await request(appWith([thrower, finish])).get('/x');
    expect([res.status, res.text]).toEqual([500, 'error: thrown']);
  });

  it('turns a rejected promise (an async handler) into the same', async () => {
    const rejecting: RequestHandler = async (_req, _res, next) => {
      await Promise.resolve();
      if (next) throw new Error('rejected');
    };
    const res = await request(appWith([rejecting, finish])).get('/x');
    expect([res.status, res.text]).toEqual([500, 'error: rejected']);
  });

  it('continues after an async handler that calls next() once it has awaited', async () => {
    const later: RequestHandler = async (_req, res, next) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      res.locals['seen'] = ['async'];
      next();
    };
    const res = await request(appWith([later, finish])).get('/x');
    expect(res.text).toBe('async');
  });

  it("skips the rest of the chain on next('route'), as Express does between route handlers", async () => {
    const skip: RequestHandler = (_req, _res, next) => next('route');
    const res = await request(appWith([skip, finish])).get('/x');
    expect(res.text).toBe('next route');
  });

  it('goes on to the next route when every handler called next()', async () => {
    const res = await request(appWith([mark('a'), mark('b')])).get('/x');
    expect(res.text).toBe('next route');
  });
});
