import type { RunningMockAtlas } from '../server/start';

/** What a person (or another tool, with --json) needs to talk to the started mock. */
export interface StartupInfo {
  readonly baseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly groupId?: string;
  readonly projects: readonly { id: string; name: string }[];
  readonly apiKey?: { publicKey: string; privateKey: string };
  readonly serviceAccount?: { clientId: string; clientSecret: string };
  readonly caCertPath?: string;
}

/** Picks the first project and the strongest credentials it has, for the banner. */
export function startupInfo(atlas: RunningMockAtlas): StartupInfo {
  const state = atlas.store.state;
  const project = atlas.projects[0];
  const ownerFirst = <T extends { grants: readonly { role: string }[] }>(items: readonly T[]) =>
    [...items].sort((a, b) => Number(b.grants.some((g) => g.role === 'GROUP_OWNER')) - Number(a.grants.some((g) => g.role === 'GROUP_OWNER')));
  const inProject = (grants: readonly { groupId?: string }[]) => grants.some((g) => !g.groupId || g.groupId === project?.id);
  const key = ownerFirst(state.apiKeys.filter((k) => inProject(k.grants)))[0];
  const account = ownerFirst(state.serviceAccounts.filter((s) => inProject(s.grants)))[0];
  return {
    baseUrl: atlas.baseUrl,
    host: atlas.host,
    port: atlas.port,
    ...(project ? { groupId: project.id } : {}),
    projects: atlas.projects.map((p) => ({ id: p.id, name: p.name })),
    ...(key ? { apiKey: { publicKey: key.publicKey, privateKey: key.privateKey } } : {}),
    ...(account ? { serviceAccount: { clientId: account.clientId, clientSecret: account.clientSecret } } : {}),
    ...(atlas.tls?.certPath ? { caCertPath: atlas.tls.certPath } : {}),
  };
}

/** The human start-up text: base URL, project, credentials and a ready-to-paste curl command. */
export function renderBanner(info: StartupInfo): string {
  const lines = [`mock-atlas listening on ${info.baseUrl}`, ''];
  for (const p of info.projects) lines.push(`  project      ${p.name}  ${p.id}`);
  if (info.apiKey) lines.push(`  API key      public ${info.apiKey.publicKey}  private ${info.apiKey.privateKey}`);
  if (info.serviceAccount) lines.push(`  OAuth client id ${info.serviceAccount.clientId}  secret ${info.serviceAccount.clientSecret}  (POST ${info.baseUrl}/api/oauth/token)`);
  if (info.caCertPath) lines.push(`  TLS cert     ${info.caCertPath}  (curl --cacert …, NODE_EXTRA_CA_CERTS=…)`);
  if (info.apiKey && info.groupId) {
    const cacert = info.caCertPath ? ` --cacert ${info.caCertPath}` : '';
    lines.push(
      '',
      'Try it:',
      `  curl --user "${info.apiKey.publicKey}:${info.apiKey.privateKey}" --digest${cacert} \\`,
      `    --header "Accept: application/vnd.atlas.2025-03-12+json" \\`,
      `    "${info.baseUrl}/api/atlas/v2/groups/${info.groupId}/encryptionAtRest?pretty=true"`,
    );
  }
  lines.push('', `Control API: ${info.baseUrl}/_mock (reset, projects, state, kms/keys, kms/credentials, clock, outbox, requests, faults, apiKeys, serviceAccounts). Ctrl-C stops.`);
  return lines.join('\n');
}
