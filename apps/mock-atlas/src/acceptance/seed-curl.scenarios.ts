// Issue 3 acceptance: the seed's two curl requests (S3 "Example Request"), run with real
// `curl --digest` against a started server with only the host changed, answer exactly the
// seed's example responses (S3 "Example Response").
import { expect, it } from 'vitest';
import { PLANTED, SEED_GROUP_ID, withAtlas } from '../testing/atlas';
import { runCurl } from '../testing/clients';
import type { ResponseRecorder } from '../testing/recorder';
import {
  SEED_DISABLE_REQUEST_LINES,
  SEED_DISABLE_RESPONSE_LINES,
  SEED_ENABLE_REQUEST_LINES,
  SEED_ENABLE_RESPONSE_LINES,
  seedBlock,
  seedCommand,
  seedResponse,
} from '../testing/seed';

/** Key order matters: Atlas writes these documents alphabetically, as the seed shows. */
function inOrder(value: unknown): string {
  return JSON.stringify(value);
}

/** Registers the seed curl scenarios; every response goes through `recorder`. */
export function seedCurlScenarios(recorder: ResponseRecorder): void {
  const commandFor = (lines: readonly [number, number], origin: string) =>
    seedCommand(lines, { publicKey: 'seedowner', privateKey: PLANTED.seedOwnerPrivateKey, groupId: SEED_GROUP_ID, origin });

  it('S3:518-551 the commands run are the seed’s, with only the host (and the placeholders) filled in', () => {
    const command = commandFor(SEED_ENABLE_REQUEST_LINES, 'http://127.0.0.1:1');
    expect(command).toContain('--header "Accept: application/json" \\\n');
    expect(command).toContain('--header "Content-Type: application/json" \\\n');
    expect(command).toContain(`--request PATCH "http://127.0.0.1:1/api/atlas/v1.0/groups/${SEED_GROUP_ID}/encryptionAtRest?pretty=true"`);
    expect(command).toContain(`"secretAccessKey": "${PLANTED.awsSecretAccessKey}"`);
    expect(commandFor(SEED_DISABLE_REQUEST_LINES, 'http://127.0.0.1:1')).toMatch(/--data '\n\s+\{\n\s+"awsKms": \{\n\s+"enabled" : false\n\s+\}\n\s+\}'$/);
  });

  it('S3:518-532 → S3:563-582: the enable request answers the example response, field for field', async () => {
    await withAtlas({}, async (atlas) => {
      const res = await runCurl(recorder, commandFor(SEED_ENABLE_REQUEST_LINES, atlas.baseUrl));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      const body = res.json();
      const example = seedResponse(SEED_ENABLE_RESPONSE_LINES);
      expect(body['awsKms']).toEqual(example['awsKms']);
      expect(body['azureKeyVault']).toEqual(example['azureKeyVault']);
      expect(inOrder(body['awsKms'])).toBe(inOrder(example['awsKms']));
      expect(inOrder(body['azureKeyVault'])).toBe(inOrder(example['azureKeyVault']));
      // The enable example (S3:563-582) stops after azureKeyVault, but the disable example
      // (S3:607-611) shows that a project without Google Cloud KMS still has a googleCloudKms
      // document; the mock always writes all three, so it is expected as the disable example has it.
      expect(Object.keys(body)).toEqual(['awsKms', 'azureKeyVault', 'googleCloudKms']);
      expect(inOrder(body['googleCloudKms'])).toBe(inOrder(seedResponse(SEED_DISABLE_RESPONSE_LINES)['googleCloudKms']));
      // ?pretty=true: the example's own text, up to the end of azureKeyVault, is the start of the body.
      const exampleText = seedBlock(...SEED_ENABLE_RESPONSE_LINES);
      expect(res.body.startsWith(exampleText.slice(0, exampleText.lastIndexOf('\n  }') + 4))).toBe(true);
      expect(res.body).not.toContain('secretAccessKey');
      expect(res.body).not.toContain(PLANTED.awsSecretAccessKey);
    });
  });

  it('S3:541-551 → S3:588-612: the disable request (after the enable) answers the example response exactly', async () => {
    await withAtlas({}, async (atlas) => {
      expect((await runCurl(recorder, commandFor(SEED_ENABLE_REQUEST_LINES, atlas.baseUrl))).status).toBe(200);
      const res = await runCurl(recorder, commandFor(SEED_DISABLE_REQUEST_LINES, atlas.baseUrl));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      const example = seedResponse(SEED_DISABLE_RESPONSE_LINES);
      expect(res.json()).toEqual(example);
      expect(inOrder(res.json())).toBe(inOrder(example));
      expect(res.body).not.toContain('secretAccessKey');
      expect(res.body).not.toContain(PLANTED.awsSecretAccessKey);
    });
  });
}
