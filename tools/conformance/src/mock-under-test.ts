// mock-atlas in this process: its real Express app on a loopback port, over real HTTP, with a
// manual clock fixed at NOW. One instance serves a whole spec file; POST /_mock/reset?empty=true
// empties it between configs.
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the suite's subject is the app itself: it builds the real Express app, as startServer does, with a clock it controls
import { createApp } from 'mock-atlas/src/app';
// eslint-disable-next-line @nx/enforce-module-boundaries -- see above: the app's own store, so that the mock answers exactly as it does when run
import { MockStore } from 'mock-atlas/src/server/mock-store';
// eslint-disable-next-line @nx/enforce-module-boundaries -- see above: the app's own clock, fixed at NOW
import { VirtualClock } from 'mock-atlas/src/server/virtual-clock';
import { ENV, NOW } from './fixed-inputs';

/** One HTTP answer, its body parsed when it is JSON. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** Response headers, names lower-cased, repeated ones joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent. */
  readonly text: string;
}

/** A request to the mock: path relative to its base URL, body sent as given (string) or as JSON. */
export interface MockRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly accept?: string;
  readonly authorization?: string;
}

/** A running in-process mock and a keep-alive client for it. */
export interface MockUnderTest {
  readonly baseUrl: string;
  send(req: MockRequest): Promise<Reply>;
  close(): Promise<void>;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Starts the mock's Express app on 127.0.0.1 (port 0) with an empty state, the manual clock at
 * NOW and ENV for `${env:NAME}` secrets. Requests go over one keep-alive connection: the suite
 * sends them one at a time, and a fresh connection per request would double their cost.
 * @example const mock = await startMockUnderTest(); await mock.send({ method: 'POST', path: '/_mock/reset?empty=true' });
 */
export async function startMockUnderTest(): Promise<MockUnderTest> {
  const store = new MockStore(undefined, new VirtualClock('manual', () => Date.parse(NOW)));
  const app = createApp({ store, env: ENV });
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  const send = (req: MockRequest): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      const headers: Record<string, string | number> = {
        ...(req.accept ? { accept: req.accept } : {}),
        ...(req.authorization ? { authorization: req.authorization } : {}),
        ...(payload === undefined ? {} : { 'content-type': req.contentType ?? 'application/json', 'content-length': Buffer.byteLength(payload) }),
      };
      const outgoing = request({ host: '127.0.0.1', port, method: req.method, path: req.path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
          resolve({ status: res.statusCode ?? 0, body: parseBody(text), headers, text });
        });
        res.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    send,
    close: async () => {
      agent.destroy();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
