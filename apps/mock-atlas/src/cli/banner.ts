import type { ControlApiStatus, RunningMockAtlas } from '../server/start';

/** The control API as the start-up line reports it; the token only when the mock generated it. */
export interface ControlApiInfo {
  readonly status: ControlApiStatus;
  /** Where it is served (absent when off). */
  readonly url?: string;
  /** The token to send, printed once: only a token the mock generated (`--control-token auto`). */
  readonly token?: string;
}

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
  readonly controlApi: ControlApiInfo;
}

/** Whether a grant holds in the project: one for that project, or an organisation-wide one. */
function appliesTo(grant: { readonly groupId?: string }, projectId: string | undefined): boolean {
  return !grant.groupId || grant.groupId === projectId;
}

/**
 * Picks the first project and the strongest credentials it has, for the banner. `shown.controlToken`
 * is a generated control token to print; a token the user gave is never printed.
 * @example process.stdout.write(renderBanner(startupInfo(atlas)));
 */
export function startupInfo(atlas: RunningMockAtlas, shown: { readonly controlToken?: string } = {}): StartupInfo {
  const state = atlas.store.state;
  const project = atlas.projects[0];
  const ownerFirst = <T extends { grants: readonly { role: string }[] }>(items: readonly T[]) =>
    [...items].sort((a, b) => Number(b.grants.some((g) => g.role === 'GROUP_OWNER')) - Number(a.grants.some((g) => g.role === 'GROUP_OWNER')));
  const inProject = (grants: readonly { groupId?: string }[]) => grants.some((g) => appliesTo(g, project?.id));
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
    controlApi: {
      status: atlas.controlApi,
      ...(atlas.controlApi !== 'off' ? { url: `${atlas.baseUrl}/_mock` } : {}),
      ...(atlas.controlApi === 'protected' && shown.controlToken !== undefined ? { token: shown.controlToken } : {}),
    },
  };
}

function controlApiLine(control: ControlApiInfo): string {
  const calls = '(reset, projects, state, kms/keys, kms/credentials, clock, outbox, requests, faults, apiKeys, serviceAccounts)';
  if (control.status === 'off') return 'Control API: off (--no-control-api). Ctrl-C stops.';
  if (control.status === 'open') return `Control API: ${control.url} ${calls}, open to anyone who can connect. Ctrl-C stops.`;
  const how = control.token !== undefined ? `send the header "Authorization: Bearer ${control.token}"` : 'send the header "Authorization: Bearer <the token you gave>"';
  return `Control API: ${control.url} ${calls}, protected: ${how}. Ctrl-C stops.`;
}

/**
 * The warning printed when the mock binds to an address other machines can reach; it says what
 * the control API then exposes.
 * @example exposureWarning('0.0.0.0', 'open')
 */
export function exposureWarning(host: string, control: ControlApiStatus): string {
  const prefix = `mock-atlas: warning: binding to ${host} exposes`;
  switch (control) {
    case 'open':
      return `${prefix} the mock and its unauthenticated /_mock control API beyond this machine: anyone who can connect can read and replace its state. Protect it with --control-token auto, or turn it off with --no-control-api.`;
    case 'protected':
      return `${prefix} the mock beyond this machine; its /_mock control API is protected by the control token.`;
    case 'off':
      return `${prefix} the mock beyond this machine; its /_mock control API is off.`;
  }
}

/**
 * What only the human banner shows. The `--json` line keeps to the strongest credentials, which
 * is all a program needs; a person also gets a read-only key (the demo's `demo-reader`, whose
 * secret is generated per start like the owner's), to see what that role may and may not do.
 */
export interface BannerExtras {
  readonly readOnlyKey?: { publicKey: string; privateKey: string };
}

/**
 * The first API key of the first project that holds nothing but Project Read Only.
 * @example renderBanner(startupInfo(atlas), bannerExtras(atlas))
 */
export function bannerExtras(atlas: RunningMockAtlas): BannerExtras {
  const project = atlas.projects[0];
  const key = atlas.store.state.apiKeys.find(
    (k) => k.grants.length > 0 && k.grants.every((g) => g.role === 'GROUP_READ_ONLY' && appliesTo(g, project?.id)),
  );
  return key ? { readOnlyKey: { publicKey: key.publicKey, privateKey: key.privateKey } } : {};
}

/** The human start-up text: base URL, project, credentials and a ready-to-paste curl command. */
export function renderBanner(info: StartupInfo, extras: BannerExtras = {}): string {
  const lines = [`mock-atlas listening on ${info.baseUrl}`, ''];
  const rows: [label: string, value: string][] = [];
  for (const p of info.projects) rows.push(['project', `${p.name}  ${p.id}`]);
  if (info.apiKey) rows.push(['API key', `public ${info.apiKey.publicKey}  private ${info.apiKey.privateKey}`]);
  if (extras.readOnlyKey) rows.push(['read-only key', `public ${extras.readOnlyKey.publicKey}  private ${extras.readOnlyKey.privateKey}`]);
  if (info.serviceAccount) rows.push(['OAuth client', `id ${info.serviceAccount.clientId}  secret ${info.serviceAccount.clientSecret}  (POST ${info.baseUrl}/api/oauth/token)`]);
  if (info.caCertPath) rows.push(['TLS cert', `${info.caCertPath}  (curl --cacert …, NODE_EXTRA_CA_CERTS=…)`]);
  const width = Math.max(0, ...rows.map(([label]) => label.length)) + 2;
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}${value}`);
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
  lines.push('', controlApiLine(info.controlApi));
  return lines.join('\n');
}
