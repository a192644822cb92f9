// The acceptance suite of issue 3. Every scenario talks to a started mock-atlas through one
// recorder; the contract section at the end (vitest runs a file's tests in order) then checks
// every v2 response recorded against the Atlas spec, and every response for planted secrets.
import { describe, expect, it, vi } from 'vitest';
import { PLANTED } from '../testing/atlas';
import { ContractValidator, describeViolations } from '../testing/contract';
import { isV2, pathOf, ResponseRecorder } from '../testing/recorder';
import { appBehaviourScenarios } from './app-behaviour.scenarios';
import { roleMatrixScenarios } from './role-matrix.scenarios';
import { seedCurlScenarios } from './seed-curl.scenarios';

const recorder = new ResponseRecorder();

// Each scenario starts a server and makes tens of requests (curl runs as a process): allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

describe('S3 example requests with real curl --digest', () => seedCurlScenarios(recorder));
describe('role matrix (x-rolesRequirements)', () => roleMatrixScenarios(recorder));
describe('app behaviour', () => appBehaviourScenarios(recorder));

describe('contract (atlas-admin-v2.multiversion.subset.json)', () => {
  it('every v2 response of the suite, success or error, validates against its operation’s schema for its status and media type', () => {
    const checks = new ContractValidator().check(recorder.responses.filter(isV2));
    expect(describeViolations(checks)).toBe('');
  });

  it('the suite exercised every served v2 operation’s success and the errors it can answer', () => {
    const v2 = recorder.responses.filter(isV2);
    const covered = new Set(new ContractValidator().check(v2).map((c) => c.schemaKey));
    for (const key of [
      'get /api/atlas/v2/groups/{groupId} 200 application/vnd.atlas.2023-01-01+json',
      'get /api/atlas/v2/groups/{groupId}/encryptionAtRest 200 application/vnd.atlas.2023-01-01+json',
      'patch /api/atlas/v2/groups/{groupId}/encryptionAtRest 200 application/vnd.atlas.2023-01-01+json',
      'get /api/atlas/v2/groups/{groupId} 401 application/json',
      'get /api/atlas/v2/groups/{groupId}/encryptionAtRest 401 application/json',
      'patch /api/atlas/v2/groups/{groupId}/encryptionAtRest 401 application/json',
      'get /api/atlas/v2/groups/{groupId} 404 application/json',
      'get /api/atlas/v2/groups/{groupId}/encryptionAtRest 404 application/json',
      'patch /api/atlas/v2/groups/{groupId}/encryptionAtRest 404 application/json',
      'patch /api/atlas/v2/groups/{groupId}/encryptionAtRest 400 application/json',
      'ApiError 404 application/json',
      'ApiError 405 application/json',
      'ApiError 406 application/json',
    ]) {
      expect(covered, key).toContain(key);
    }
    const codes = new Set(v2.map((r) => r.headers['x-error-code']).filter(Boolean));
    for (const code of ['USER_UNAUTHORIZED', 'GROUP_NOT_FOUND', 'INVALID_GROUP_ID', 'RESOURCE_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'MALFORMED_JSON', 'INVALID_VERSION_DATE']) {
      expect(codes, code).toContain(code);
    }
    expect(v2.some((r) => new URL(r.url).searchParams.get('envelope') === 'true')).toBe(true);
  });

  it('no response of the suite (v1.0, v2, OAuth or control API) carries a planted secret or a write-only field', () => {
    expect(recorder.responses.length).toBeGreaterThan(100);
    for (const response of recorder.responses) {
      for (const [name, secret] of Object.entries(PLANTED)) {
        const leaked = response.body.includes(secret) || response.body.includes(JSON.stringify(secret).slice(1, -1));
        expect(leaked, `${name} in ${response.method} ${response.url}`).toBe(false);
      }
      // The state export keeps the secrets' field names with a redaction marker; Atlas never writes them.
      if (pathOf(response.url).startsWith('/api/atlas/')) {
        expect(response.body, `${response.method} ${response.url}`).not.toMatch(/"(secretAccessKey|secret|serviceAccountKey)"\s*:/);
      }
    }
  });
});
