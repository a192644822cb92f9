import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { selfSignedTls } from '../server/tls';
import { apiRootOf, baseUrlOf, selfLink } from './links';

/** An app answering each link helper's result for the request it got, under /api/atlas/v2. */
function linkApp() {
  const app = express();
  const v2 = express.Router();
  v2.get('/groups/:id', (req, res) => {
    res.json({ base: baseUrlOf(req), root: apiRootOf(req), self: selfLink(req).href, protocol: req.protocol });
  });
  app.use('/api/atlas/v2', v2);
  return app;
}

describe('links', () => {
  it('point back at the host and mount the client used, over plain HTTP', async () => {
    const res = await request(linkApp()).get('/api/atlas/v2/groups/g1?pretty=true').set('Host', 'atlas.local:8080');
    expect(res.body).toEqual({
      base: 'http://atlas.local:8080',
      root: 'http://atlas.local:8080/api/atlas/v2',
      self: 'http://atlas.local:8080/api/atlas/v2/groups/g1',
      protocol: 'http',
    });
  });

  it('say https when the mock serves TLS, as Express’s req.protocol does', async () => {
    const tls = await selfSignedTls();
    const server = createHttpsServer({ cert: tls.cert, key: tls.key }, linkApp());
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const res = await request(`https://127.0.0.1:${port}`).get('/api/atlas/v2/groups/g1').trustLocalhost(true).disableTLSCerts();
      expect(res.body.base).toBe(`https://127.0.0.1:${port}`);
      expect(res.body.protocol).toBe('https');
    } finally {
      server.close();
      tls.dispose?.();
    }
  });
});
