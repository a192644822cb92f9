import express, { type Request, type Response, type Router } from 'express';
import { AtlasError, atlasErrorFromFinding } from '@mock-atlas/atlas-http';
import {
  loadProjectConfig,
  parseYamlSource,
  putApiKey,
  putServiceAccount,
  readCredentialRequest,
} from '@mock-atlas/domain';
import { jsonBody } from '../http/json-body';
import { route } from '../http/not-found';
import { writeAtlasJson, PLAIN_JSON } from '../http/respond';
import type { MockStore } from '../server/mock-store';
import { controlKmsRoutes } from './control-kms';
import { controlOpsRoutes } from './control-ops';

export interface ControlOptions {
  /** Where `${env:NAME}` secrets of loaded configs come from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

function isYaml(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return YAML_TYPES.includes(type);
}

/**
 * The control API under /_mock: not part of Atlas, no authentication (it listens on
 * loopback by default). Lets tests load projects, reset, export state and create
 * credentials. Answers plain JSON; errors are Atlas error bodies like everywhere else.
 */
export function controlRoutes(router: Router, store: MockStore, options: ControlOptions): void {
  const reply = (res: Response, status: number, body: unknown) => writeAtlasJson(res, status, body, PLAIN_JSON);

  route(router, '/reset', {
    POST: [
      (req, res) => {
        store.reset(req.query.empty === 'true');
        reply(res, 200, { projects: Object.keys(store.state.projects) });
      },
    ],
  });

  route(router, '/projects', {
    POST: [
      (req, res, next) => (isYaml(req) ? express.text({ type: () => true, limit: '5mb' })(req, res, next) : jsonBody()(req, res, next)),
      (req, res) => {
        let config: unknown = req.body;
        if (isYaml(req)) {
          const source = parseYamlSource(typeof req.body === 'string' ? req.body : '');
          const broken = source.problems.find((problem) => problem.severity === 'error');
          if (broken) {
            throw new AtlasError('MALFORMED_JSON', [], { detail: `The YAML config cannot be read at line ${broken.position.line}: ${broken.message}` });
          }
          config = source.value;
        }
        const result = loadProjectConfig(store.state, config, store.context(), { env: options.env });
        if (!result.ok) throw atlasErrorFromFinding(result.error, { extra: { findings: result.findings } });
        const project = store.commit(result);
        reply(res, 201, { groupId: project.id, name: project.name, clusters: project.clusters.map((c) => c.name), findings: result.findings });
      },
    ],
  });

  route(router, '/apiKeys', {
    POST: [
      jsonBody(),
      (req, res) => {
        const created = store.commit(putApiKey(store.state, readCredentialRequest(req.body, 'publicKey', 'privateKey')));
        reply(res, 201, created);
      },
    ],
  });

  route(router, '/serviceAccounts', {
    POST: [
      jsonBody(),
      (req, res) => {
        const created = store.commit(putServiceAccount(store.state, readCredentialRequest(req.body, 'clientId', 'clientSecret')));
        reply(res, 201, created);
      },
    ],
  });

  controlKmsRoutes(router, store);
  controlOpsRoutes(router, store);
}
