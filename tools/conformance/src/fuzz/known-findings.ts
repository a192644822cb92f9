// What the fuzzer found and this suite does not fix, because the fix belongs to another part of
// the work (named in `owner`). A problem a known finding matches is counted, not failed;
// known-findings.spec.ts fails as soon as the example no longer shows it, so that the entry is
// deleted the day it is fixed, and nothing else is ever excused.
import { PROJECT } from './bases';
import { OPERATIONS, type FuzzRequest } from './requests';

/** One problem the fuzzer finds, reported and pinned. */
export interface KnownFinding {
  readonly id: string;
  readonly summary: string;
  /** Who owns the fix. */
  readonly owner: string;
  /** Whether a problem line (as fuzz-session.ts words it) is this finding. */
  readonly matches: (problem: string, request: FuzzRequest) => boolean;
  /** A request that shows it. */
  readonly example: FuzzRequest;
}

const createCluster = OPERATIONS.find((o) => o.key === 'POST /groups/{groupId}/clusters')!;

type Doc = Readonly<Record<string, unknown>>;
const isDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The providerSettings of a legacy create body, when it has them. */
function providerSettingsOf(request: FuzzRequest): Doc | undefined {
  if (request.operation !== createCluster || request.schema !== 'cluster.legacy' || !isDoc(request.body)) return undefined;
  const settings = request.body['providerSettings'];
  return isDoc(settings) ? settings : undefined;
}

/** Whether a legacy body's zones place any region (replicationSpecs[].regionsConfig, replicationSpec). */
function zonesPlaceARegion(body: Doc): boolean {
  const specs = Array.isArray(body['replicationSpecs']) ? body['replicationSpecs'] : [];
  const maps = [...specs.map((s) => (isDoc(s) ? s['regionsConfig'] : undefined)), body['replicationSpec']];
  return maps.some((m) => isDoc(m) && Object.keys(m).length > 0);
}

/** The contract's objection to a created legacy cluster's providerSettings. */
const PROVIDER_SETTINGS_REFUSED = /^contract \(post \S+\/clusters 201 [^)]+\): \/providerSettings\/(instanceSizeName|regionName) must be equal to one of the allowed values$/;

const example = (body: Doc): FuzzRequest => ({
  operation: createCluster,
  version: '2023-01-01',
  groupId: PROJECT.id,
  clusterName: 'orders',
  snapshotId: '',
  schema: 'cluster.legacy',
  body,
  mutations: [],
});

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    id: 'legacy-create-without-a-region',
    summary:
      'A v1.0 / 2023-01-01 create whose providerSettings has no regionName and whose zones place no region is accepted (201) with no region at all; the cluster is then reported as an AWS cluster of the size it asked for, which the contract refuses for a GCP or Azure size. Neither tool requires a region on create (REQUIRED_ON_CREATE in create-cluster.ts, the config schema\'s legacy branch); no source says what Atlas answers (MISSING_ATTRIBUTE regionName is likely), so the fix is a product decision for both tools at once.',
    owner: 'lead: libs/domain create-cluster.ts and libs/schemas project-config.ts together',
    matches: (problem, request) => {
      const settings = providerSettingsOf(request);
      return PROVIDER_SETTINGS_REFUSED.test(problem) && settings !== undefined && settings['regionName'] === undefined && !zonesPlaceARegion(request.body as Doc);
    },
    example: example({ name: 'fresh', providerSettings: { providerName: 'GCP', instanceSizeName: 'M250' } }),
  },
  {
    id: 'tenant-create-without-a-size',
    summary:
      'A create with providerName TENANT and no instanceSizeName is accepted as a dedicated M10 (the default size) on AWS (no backingProviderName), placed in whatever region its zones name, of any cloud: reported as an AWS cluster in an Azure region, which the contract refuses. Atlas needs M0, M2 or M5 for TENANT; neither tool requires it.',
    owner: 'lead: libs/domain mappers/cluster-legacy.ts (IMPLIED_SIZE) and create-cluster.ts, with the config schema',
    matches: (problem, request) => {
      const settings = providerSettingsOf(request);
      return PROVIDER_SETTINGS_REFUSED.test(problem) && settings?.['providerName'] === 'TENANT' && settings['instanceSizeName'] === undefined;
    },
    example: example({ name: 'fresh', providerSettings: { providerName: 'TENANT' }, replicationSpecs: [{ regionsConfig: { UAE_NORTH: { electableNodes: 3 } } }] }),
  },
];

/**
 * The known finding a problem is, if any.
 * @example knownFindingOf('contract (ApiError 413 application/json): /parameters/0 must be string,object', request)?.id
 */
export function knownFindingOf(problem: string, request: FuzzRequest): KnownFinding | undefined {
  return KNOWN_FINDINGS.find((known) => known.matches(problem, request));
}
