import { CLOUD_PROVIDERS, KEY_ID_FIELD, type CloudProvider } from './providers';
import type { Source } from './path';

/** A provider setting's value: strings for ids and secrets, booleans for flags. */
export type SettingValue = string | boolean;

/**
 * One provider's Encryption at Rest configuration. `settings` holds the provider
 * document's fields other than `enabled` and `valid`, under their Atlas names, so that
 * the three providers share one shape and the rules iterate over field lists.
 */
export interface EarProviderState {
  readonly enabled: boolean;
  /** Reported by Atlas from the last validity check; never accepted from a client. */
  readonly valid: boolean;
  readonly settings: Readonly<Record<string, SettingValue>>;
}

/** The project's Encryption at Rest configuration, one entry per provider. */
export interface EncryptionAtRest {
  readonly providers: Readonly<Record<CloudProvider, EarProviderState>>;
  readonly enabledForSearchNodes?: boolean;
  readonly src?: Source;
}

export const DISABLED_PROVIDER: EarProviderState = Object.freeze({ enabled: false, valid: false, settings: Object.freeze({}) });

/** A project's starting point: every provider off. */
export function emptyEncryptionAtRest(): EncryptionAtRest {
  return {
    providers: { AWS: DISABLED_PROVIDER, AZURE: DISABLED_PROVIDER, GCP: DISABLED_PROVIDER },
  };
}

/** The key a provider currently uses, if it names one. */
export function keyIdOf(provider: CloudProvider, state: EarProviderState): string | undefined {
  const value = state.settings[KEY_ID_FIELD[provider]];
  return typeof value === 'string' ? value : undefined;
}

/** Providers switched on for the project. */
export function enabledProviders(ear: EncryptionAtRest): CloudProvider[] {
  return CLOUD_PROVIDERS.filter((p) => ear.providers[p].enabled);
}
