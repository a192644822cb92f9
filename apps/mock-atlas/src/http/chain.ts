// One Express handler that runs several in turn: what Express's router does for a route's handler
// list, without a router layer per handler.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs `handlers` in order as one handler. Each gets a `next` that runs the following one; an
 * error passed to it, thrown, or a rejected promise skips the rest and goes to Express's error
 * handling, and `next('route')` to the next route, as they would between route handlers.
 * @example router.patch(path, chain([checkGroupId, jsonBody(), handler]))
 */
export function chain(handlers: readonly RequestHandler[]): RequestHandler {
  if (handlers.length === 1) return handlers[0]!;
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (err?: unknown): void => {
      // An error, or 'route'/'router', ends the chain; Express's router handles them as it would
      // from a route handler.
      if (err) {
        next(err);
        return;
      }
      const handler = handlers[index];
      index += 1;
      if (!handler) {
        next();
        return;
      }
      try {
        const returned: unknown = handler(req, res, step);
        if (returned instanceof Promise) returned.catch((error: unknown) => step(error ?? new Error('Rejected promise')));
      } catch (error) {
        step(error);
      }
    };
    step();
  };
}
