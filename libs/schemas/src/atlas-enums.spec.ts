import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC_PATH, specEnum as enumIn, WORKSPACE_ROOT, type OpenApiSpec } from './__tests__/workspace';
import {
  AWS_INSTANCE_SIZES,
  AWS_REGIONS,
  AZURE_ENVIRONMENTS,
  AZURE_INSTANCE_SIZES,
  AZURE_REGIONS,
  GCP_INSTANCE_SIZES,
  GCP_REGIONS,
  TENANT_INSTANCE_SIZES,
} from './atlas-enums';
import { clusterLegacySchema } from './schemas/cluster-legacy';
import { encryptionAtRestRequestSchema } from './schemas/encryption-at-rest';

const ENUMS_FILE = join(WORKSPACE_ROOT, 'libs/schemas/src/atlas-enums.ts');
const SPEC = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiSpec;
const specEnum = (schemaName: string, property: string) => enumIn(SPEC, schemaName, property);

/** Runs the generator in --check mode; it regenerates in memory and compares. */
function runCheck(out = ENUMS_FILE) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'tools/schema-build/extract-enums.ts', '--check', '--spec', SPEC_PATH, '--out', out], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  });
}

describe('atlas-enums.ts equals the spec', () => {
  it.each([
    ['AWS regions', AWS_REGIONS, specEnum('AWSKMSConfiguration', 'region')],
    ['AWS regions of a cluster', AWS_REGIONS, specEnum('AWSCloudProviderSettings', 'regionName')],
    ['Azure regions', AZURE_REGIONS, specEnum('AzureCloudProviderSettings', 'regionName')],
    ['Google Cloud regions', GCP_REGIONS, specEnum('CloudGCPProviderSettings', 'regionName')],
    ['azureEnvironment (no AZURE_GERMANY)', AZURE_ENVIRONMENTS, specEnum('AzureKeyVault', 'azureEnvironment')],
    ['AWS instance sizes', AWS_INSTANCE_SIZES, specEnum('AWSHardwareSpec20240805', 'instanceSize')],
    ['Azure instance sizes', AZURE_INSTANCE_SIZES, specEnum('AzureHardwareSpec20240805', 'instanceSize')],
    ['Google Cloud instance sizes', GCP_INSTANCE_SIZES, specEnum('GCPHardwareSpec20240805', 'instanceSize')],
    ['tenant instance sizes', TENANT_INSTANCE_SIZES, specEnum('TenantHardwareSpec20240805', 'instanceSize')],
  ])('spec %s', (_name, ours, theirs) => {
    expect([...ours]).toEqual(theirs);
  });

  it('spec AZURE_GERMANY is absent from the spec, so from the schema', () => {
    expect(AZURE_ENVIRONMENTS).not.toContain('AZURE_GERMANY');
  });

  it('spec the schemas use the generated enums', () => {
    expect(encryptionAtRestRequestSchema.properties.awsKms.properties?.region).toMatchObject({ enum: specEnum('AWSKMSConfiguration', 'region') });
    expect(encryptionAtRestRequestSchema.properties.azureKeyVault.properties?.azureEnvironment).toMatchObject({ enum: specEnum('AzureKeyVault', 'azureEnvironment') });
    const shapes = (clusterLegacySchema.properties.providerSettings.allOf ?? []).map((branch) => branch.then?.properties ?? {});
    const sizes = Object.fromEntries(shapes.map((p) => [(p.providerName as { const: string }).const, (p.instanceSizeName as { enum: unknown[] }).enum]));
    expect(sizes).toEqual({
      AWS: specEnum('AWSCloudProviderSettings', 'instanceSizeName'),
      AZURE: specEnum('AzureCloudProviderSettings', 'instanceSizeName'),
      GCP: specEnum('CloudGCPProviderSettings', 'instanceSizeName'),
      TENANT: specEnum('ClusterFreeProviderSettings', 'instanceSizeName'),
      FLEX: specEnum('ClusterFlexProviderSettings', 'instanceSizeName'),
    });
  });
});

describe('atlas-enums.ts is fresh', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-enums-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('regenerating from the spec gives the committed file', () => {
    const run = runCheck();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a stale copy (one region dropped) fails the check', () => {
    const stale = join(scratch, 'atlas-enums.ts');
    writeFileSync(stale, readFileSync(ENUMS_FILE, 'utf8').replace(" 'MX_CENTRAL_1',", ''));
    const run = runCheck(stale);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is stale \(first difference at line \d+\)/);
  });
});
