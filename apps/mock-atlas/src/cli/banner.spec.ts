// The start-up banner a person reads: its credential rows line up, and it shows a read-only key
// pair beside the owner's, which the --json line for programs does not carry.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningMockAtlas } from '../server/start';
import { bannerExtras, renderBanner, startupInfo, type StartupInfo } from './banner';

const EVERY_ROW: StartupInfo = {
  baseUrl: 'https://127.0.0.1:8443',
  host: '127.0.0.1',
  port: 8443,
  groupId: '5e2211c17a3e5a48f5497de3',
  projects: [
    { id: '5e2211c17a3e5a48f5497de3', name: 'payments' },
    { id: '6a3322d28b4f6b59a65a8ef4', name: 'ledger' },
  ],
  apiKey: { publicKey: 'demo-owner', privateKey: 'owner-private' },
  serviceAccount: { clientId: 'mdb_sa_id_demo', clientSecret: 'sa-secret' },
  caCertPath: '/tmp/mock-atlas-tls/ca.pem',
  controlApi: { status: 'open', url: 'https://127.0.0.1:8443/_mock' },
};

/** The rows between the first blank line and the next: two spaces, a label, two or more spaces, the value. */
function rowsOf(banner: string): { label: string; valueColumn: number }[] {
  const [, block = ''] = banner.split('\n\n');
  return block.split('\n').map((line) => {
    const row = /^ {2}(\S+(?: \S+)*?) {2,}(?=\S)/.exec(line);
    if (!row) throw new Error(`not a banner row: ${JSON.stringify(line)}`);
    return { label: row[1]!, valueColumn: row[0].length };
  });
}

describe('renderBanner', () => {
  it('starts every value in one column, whichever labels are present', () => {
    const banner = renderBanner(EVERY_ROW, { readOnlyKey: { publicKey: 'demo-reader', privateKey: 'reader-private' } });
    const rows = rowsOf(banner);
    expect(rows.map((r) => r.label)).toEqual(['project', 'project', 'API key', 'read-only key', 'OAuth client', 'TLS cert']);
    expect(new Set(rows.map((r) => r.valueColumn)).size).toBe(1);
    expect(banner).toContain('OAuth client   id mdb_sa_id_demo  secret sa-secret  (POST https://127.0.0.1:8443/api/oauth/token)');
  });

  it('keeps the column without a read-only key or a TLS certificate', () => {
    const { caCertPath: _c, ...plain } = EVERY_ROW;
    const rows = rowsOf(renderBanner(plain));
    expect(rows.map((r) => r.label)).toEqual(['project', 'project', 'API key', 'OAuth client']);
    expect(new Set(rows.map((r) => r.valueColumn)).size).toBe(1);
  });
});

describe('the demo project in the banner', () => {
  let atlas: RunningMockAtlas | undefined;
  afterEach(async () => {
    await atlas?.close();
    atlas = undefined;
  });

  it('shows the demo-reader key pair, secret included, and leaves it out of the --json line', async () => {
    atlas = await startServer({ port: 0, env: { MOCK_ATLAS_READER_PRIVATE_KEY: 'reader-secret-0001', MOCK_ATLAS_OWNER_PRIVATE_KEY: 'owner-secret-0001' } });
    const info = startupInfo(atlas);
    const banner = renderBanner(info, bannerExtras(atlas));
    expect(banner).toContain('public demo-owner  private owner-secret-0001');
    expect(banner).toContain('public demo-reader  private reader-secret-0001');
    expect(JSON.stringify(info)).not.toContain('reader-secret-0001');
  });

  it('shows no read-only row for a key that is read-only and more, nor for a reader of another project', async () => {
    const first =
      'version: 1\nproject: { name: first, id: 5e2211c17a3e5a48f5497de3 }\napiKeys:\n' +
      '  - { publicKey: owner-1, privateKey: owner-secret-0001, roles: [GROUP_OWNER] }\n' +
      '  - { publicKey: reads-and-manages, privateKey: mixed-secret-0001, roles: [GROUP_READ_ONLY, GROUP_CLUSTER_MANAGER] }\n';
    const second =
      'version: 1\nproject: { name: second, id: 5e2211c17a3e5a48f5497de4 }\napiKeys:\n' +
      '  - { publicKey: reader-of-second, privateKey: reader-secret-0002, roles: [GROUP_READ_ONLY] }\n';
    atlas = await startServer({ port: 0, configs: [{ name: 'first.yaml', yaml: first }, { name: 'second.yaml', yaml: second }] });
    expect(atlas.projects.map((p) => p.name)).toEqual(['first', 'second']);
    expect(bannerExtras(atlas)).toEqual({});
  });

  it('shows no read-only row for a project without a read-only key', async () => {
    const yaml = 'version: 1\nproject: { name: solo, id: 5e2211c17a3e5a48f5497de3 }\napiKeys:\n  - { publicKey: only-owner, privateKey: owner-secret-0001, roles: [GROUP_OWNER] }\n';
    atlas = await startServer({ port: 0, configs: [{ name: 'solo.yaml', yaml }] });
    expect(bannerExtras(atlas)).toEqual({});
    expect(renderBanner(startupInfo(atlas))).not.toContain('read-only key');
  });
});
