import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** A started throwaway server: its base URL and a way to stop it. */
export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts an app on 127.0.0.1 on a free port (for clients that need a real socket: curl, urllib, fetch). */
export function listen(app: Express): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (err?: Error) => {
      if (err) {
        reject(err);
        return;
      }
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
