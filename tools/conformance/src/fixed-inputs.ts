// What both tools are given, identically, for every config the suite checks.

/**
 * The instant both tools judge at: atlas-lint's `now` and the mock's manual clock. Fixed so that
 * a counterexample replays the same way on any day (a seed found today fails tomorrow too).
 */
export const NOW = '2026-06-01T00:00:00.000Z';

/**
 * The environment the mock resolves `${env:NAME}` secrets from. Every name a checked config
 * refers to is set: an unset variable is a deployment problem the mock reports at load time
 * (`config/env-unset`) and a linter, which checks the file as written, cannot see.
 */
export const ENV: Readonly<Record<string, string>> = {
  AZURE_CLIENT_SECRET: 'conformance-azure-secret',
  AWS_SECRET_ACCESS_KEY: 'conformance-aws-secret',
  GCP_SERVICE_ACCOUNT_KEY: '{"type":"service_account","private_key":"conformance"}',
  MOCK_ATLAS_OWNER_PRIVATE_KEY: 'conformance-owner-key',
  MOCK_ATLAS_READER_PRIVATE_KEY: 'conformance-reader-key',
  MOCK_ATLAS_SA_SECRET: 'conformance-sa-secret',
};

/**
 * The service account the suite calls the Atlas API as, when it applies a config resource by
 * resource. Project Owner: the role that may do everything a config describes (S0:37).
 */
export const CALLER = { clientId: 'mdb_sa_id_conformance', clientSecret: 'conformance-caller-secret', roles: ['GROUP_OWNER'] } as const;
