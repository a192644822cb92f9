// The baseline: a bare Express 5 app (its defaults) with one route answering the JSON mock-atlas
// answers for encryptionAtRest and, given a second file, a cluster PATCH that parses its body with
// express.json() and answers the cluster JSON with the body merged in: the least any Express app
// does for the writes figure, which the bench reports as its reference. Forked by the bench; tells
// its port over IPC.
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import express from 'express';

const [bodyFile, clusterFile] = process.argv.slice(2);
if (!bodyFile || !process.send) throw new Error('usage: fork(bare-express.mjs, [<json body file>, [<cluster json file>]]) with an IPC channel');
const body: unknown = JSON.parse(readFileSync(bodyFile, 'utf8'));

const app = express();
app.get('/api/atlas/v2/groups/:groupId/encryptionAtRest', (_req, res) => {
  res.json(body);
});
if (clusterFile) {
  const cluster = JSON.parse(readFileSync(clusterFile, 'utf8')) as Record<string, unknown>;
  app.patch('/api/atlas/v2/groups/:groupId/clusters/:clusterName', express.json(), (req, res) => {
    res.json({ ...cluster, ...(req.body as Record<string, unknown>) });
  });
}
const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
// The bench ends us with SIGTERM, or by going away.
const close = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', close);
process.once('disconnect', close);
