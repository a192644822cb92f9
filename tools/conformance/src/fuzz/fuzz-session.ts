// One fuzzed request at a time against an in-process mock: its base project loaded first (only
// again after a request changed it), the request sent as a client would send it, and everything
// its answer must satisfy checked: reply-checks.ts, a refusal leaves the state as it was, and the
// linter's verdict on the same resource (lint-agreement.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries -- see reply-checks.ts: mock-atlas's own contract validator
import { ContractValidator } from 'mock-atlas/src/testing/contract';
import { tokenFor } from '../apply-through-api';
import { CALLER } from '../fixed-inputs';
import type { MockUnderTest, Reply } from '../mock-under-test';
import type { Base } from './bases';
import { splitKnown } from './known-findings';
import { compareWithLinter, type Agreement } from './lint-agreement';
import { checkReply } from './reply-checks';
import { mediaTypeOf, methodOf, pathOf, type FuzzRequest } from './requests';

/** What one request came to. */
export interface Outcome {
  readonly reply: Reply;
  /** Everything wrong; empty when the mock answered as it must. */
  readonly problems: readonly string[];
  /** Ids of the known findings (known-findings.ts) the answer showed, counted rather than failed. */
  readonly pinned: readonly string[];
  readonly agreement: Agreement;
}

/**
 * A mock and what is loaded in it. Each request starts from its base project exactly as loaded,
 * so that a request's outcome depends on nothing but the request (fast-check can shrink it).
 * @example const session = new FuzzSession(mock); const { problems } = await session.send(request);
 */
export class FuzzSession {
  private loaded: { base: Base; state: string } | undefined;
  private readonly validator = new ContractValidator();

  constructor(private readonly mock: MockUnderTest) {}

  /** How often a base project was loaded (once, and again after each request that changed it). */
  loads = 0;

  private async load(base: Base): Promise<{ base: Base; state: string }> {
    const reset = await this.mock.send({ method: 'POST', path: '/_mock/reset?empty=true' });
    if (reset.status !== 200) throw new Error(`POST /_mock/reset answered ${reset.status}`);
    const body = { ...base.config, serviceAccounts: [{ ...CALLER, roles: [...CALLER.roles] }] };
    const loaded = await this.mock.send({ method: 'POST', path: '/_mock/projects', body });
    if (loaded.status !== 201) throw new Error(`the ${base.name} base does not load: ${loaded.status} ${loaded.text.slice(0, 500)}`);
    this.loads++;
    return { base, state: (await this.mock.send({ method: 'GET', path: '/_mock/state' })).text };
  }

  /** Sends one request from its base project and checks the answer. */
  async send(request: FuzzRequest): Promise<Outcome> {
    const base = request.operation.base;
    if (this.loaded?.base !== base) this.loaded = await this.load(base);
    const mediaType = mediaTypeOf(request.version);
    const reply = await this.mock.send({
      method: methodOf(request),
      path: pathOf(request),
      accept: mediaType,
      contentType: mediaType,
      authorization: `Bearer ${await tokenFor(this.mock)}`,
      // A body is always sent, even `undefined` drawn by a mutation: as JSON `null`.
      body: JSON.stringify(request.body ?? null),
    });
    const problems = checkReply(this.validator, request, reply, this.mock.baseUrl);
    if (reply.status >= 400) {
      // Bad input never changes state: the project must be exactly as loaded.
      const after = (await this.mock.send({ method: 'GET', path: '/_mock/state' })).text;
      if (after !== this.loaded.state) {
        problems.push('the refused request changed the state');
        this.loaded = undefined;
      }
    } else {
      this.loaded = undefined;
    }
    const agreement = reply.status < 500 ? compareWithLinter(request, reply) : ({ compared: false, reason: 'a 5xx' } as const);
    const all = agreement.compared ? [...problems, ...agreement.problems] : problems;
    return { reply, ...splitKnown(all, request), agreement };
  }
}
