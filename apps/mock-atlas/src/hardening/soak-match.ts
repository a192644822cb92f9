// Puts the clients' responses in the server's order. Each client has a credential of its own
// and sends one request at a time, so the journal entries of its principal, in journal order,
// are its requests in the order it sent them; each lends its response the state revision the
// journal recorded. The statuses must agree too: the journal and the clients saw the same run.
import type { Exchange, OrderedExchange } from './soak-model';
import type { SeenEntry } from './soak-journal';

/** The ordered exchanges, and what did not match. */
export interface Matched {
  readonly ordered: OrderedExchange[];
  readonly problems: string[];
}

/**
 * Pairs each client's exchanges with its principal's journal entries under /api/atlas/ (the
 * digest challenges before authentication, expired-token 401s and token requests carry no
 * principal or another path).
 * @example matchJournal(follower.entries, clients.map((c) => c.principal), exchangesPerClient)
 */
export function matchJournal(entries: readonly SeenEntry[], principals: readonly string[], exchanges: readonly (readonly Exchange[])[]): Matched {
  const byPrincipal = new Map<string, SeenEntry[]>(principals.map((p) => [p, []]));
  for (const e of entries) if (e.principal !== undefined && e.path.startsWith('/api/atlas/')) byPrincipal.get(e.principal)?.push(e);
  const ordered: OrderedExchange[] = [];
  const problems: string[] = [];
  principals.forEach((principal, client) => {
    const seen = byPrincipal.get(principal) ?? [];
    const sent = exchanges[client] ?? [];
    if (seen.length !== sent.length) problems.push(`client ${client}: ${sent.length} responses, but the journal has ${seen.length} requests of ${principal}`);
    const n = Math.min(seen.length, sent.length);
    for (let k = 0; k < n; k += 1) {
      const entry = seen[k]!;
      const exchange = sent[k]!;
      const path = exchange.op.path.split('?')[0];
      if (entry.method !== exchange.op.method || entry.path !== path || entry.status !== exchange.status) {
        problems.push(`client ${client} request ${k}: sent ${exchange.op.method} ${path} → ${exchange.status}, journal ${entry.method} ${entry.path} → ${entry.status}`);
        return;
      }
      if (entry.revision === undefined) {
        problems.push(`the journal records no state revision (a mock-atlas older than the soak?): cannot order the run`);
        return;
      }
      ordered.push({ ...exchange, revision: entry.revision, journalId: entry.id, at: entry.at });
    }
  });
  return { ordered, problems: [...new Set(problems)] };
}
