import type { Project } from '@mock-atlas/domain';

/** The organisation every mock project belongs to (Atlas needs one; the mock models none). */
export const MOCK_ORG_ID = '5e2211c17a3e5a48f5490000';

/** An Atlas `Group` (the same fields in v1.0 and v2). */
export function presentProject(project: Project, apiRoot: string): Record<string, unknown> {
  return {
    clusterCount: project.clusters.length,
    created: project.created ?? '2026-01-01T00:00:00Z',
    id: project.id,
    links: [{ href: `${apiRoot}/groups/${project.id}`, rel: 'self' }],
    name: project.name,
    orgId: project.orgId ?? MOCK_ORG_ID,
    tags: [],
    withDefaultAlertsSettings: true,
  };
}
