// Where the acceptance tests find files outside src/: the workspace, the shared Atlas contract
// and seeds (CI clones shared/ beside the repository), the fixtures and the built CLI bundle.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const WORKSPACE_ROOT = resolve(HERE, '../../../..');
/** The multi-version Atlas OpenAPI subset (atlas-openapi README §1). */
export const SPEC_PATH = resolve(WORKSPACE_ROOT, '../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json');
/** S3, the v1.0 Encryption at Rest reference page with the example requests and responses. */
export const SEED_S3_PATH = resolve(WORKSPACE_ROOT, '../shared/seeds/003_9e25f10ded7a6d66.txt');
/** The CLI bundle `npx nx run mock-atlas:build` writes. */
export const CLI_BUNDLE = resolve(WORKSPACE_ROOT, 'apps/mock-atlas/dist/mock-atlas.mjs');

/**
 * The absolute path of a file in src/testing/fixtures.
 * @example fixturePath('seed-project.yaml')
 */
export function fixturePath(name: string): string {
  return resolve(HERE, 'fixtures', name);
}
