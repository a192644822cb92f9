import { randomBytes } from 'node:crypto';
import { putApiKey, putServiceAccount, readCredentialRequest } from '@mock-atlas/domain';
import { startupInfo, type RunningMockAtlas } from './embedded-app';

/** A digest API key pair, as Atlas issues them. */
export interface ApiKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

/** OAuth client credentials of a service account (POST /api/oauth/token). */
export interface ServiceAccountCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What a test needs to reach the started mock. */
export interface Connection {
  readonly groupId: string;
  readonly apiKey: ApiKeyPair;
  readonly serviceAccount: ServiceAccountCredentials;
}

const secret = () => randomBytes(18).toString('base64url');

/**
 * The first project and its strongest credentials, chosen as the CLI's `--json` line chooses
 * them (cli/banner.ts). A config without an API key or service account for that project gets a
 * Project Owner one with a random secret, part of the state `reset()` returns to, so every
 * harness can authenticate whatever the config holds.
 */
export function connectionOf(running: RunningMockAtlas): Connection {
  const info = startupInfo(running);
  if (!info.groupId) throw new Error('mock-atlas started without a project: give startMockAtlas a config with one');
  const { groupId } = info;
  const { store } = running;
  let apiKey: ApiKeyPair | undefined = info.apiKey;
  let serviceAccount: ServiceAccountCredentials | undefined = info.serviceAccount;
  if (!apiKey) {
    apiKey = { publicKey: `mock-owner-${randomBytes(4).toString('hex')}`, privateKey: secret() };
    store.commit(putApiKey(store.state, readCredentialRequest({ ...apiKey, roles: ['GROUP_OWNER'], groupId }, 'publicKey', 'privateKey')));
  }
  if (!serviceAccount) {
    serviceAccount = { clientId: `mdb_sa_id_${randomBytes(12).toString('hex')}`, clientSecret: secret() };
    store.commit(putServiceAccount(store.state, readCredentialRequest({ ...serviceAccount, roles: ['GROUP_OWNER'], groupId }, 'clientId', 'clientSecret')));
  }
  if (!info.apiKey || !info.serviceAccount) store.markInitial();
  return { groupId, apiKey, serviceAccount };
}
