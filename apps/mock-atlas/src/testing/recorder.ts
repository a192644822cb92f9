// Every response a suite (the acceptance suite, each scenario suite) receives passes through one
// recorder, so that its contract test can check all of them at the end (successes and errors
// alike) and the secret scan can look at every byte the mock sent.

/** One HTTP response as a client received it. */
export interface RecordedResponse {
  /** Which client implementation made the request (`curl`, `urllib`, `fetch`). */
  readonly client: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Response headers, names lower-cased, repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A recorded response with its body parsed on demand. */
export interface Reply extends RecordedResponse {
  /** The body as JSON; throws with the body in the message when it is not JSON. */
  json<T = Record<string, unknown>>(): T;
}

/** The path of a URL without its query (`/api/atlas/v2/groups/…`). */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** True for a response of the versioned Atlas API (`/api/atlas/v2/…`), the one the spec describes. */
export function isV2(response: RecordedResponse): boolean {
  return pathOf(response.url).startsWith('/api/atlas/v2/');
}

/**
 * Collects responses in the order they arrived.
 * @example const recorder = new ResponseRecorder(); … recorder.responses.filter(isV2)
 */
export class ResponseRecorder {
  readonly responses: RecordedResponse[] = [];

  /** Keeps a response and returns it with a `json()` reader. */
  record(response: RecordedResponse): Reply {
    this.responses.push(response);
    return {
      ...response,
      json<T>(): T {
        try {
          return JSON.parse(response.body) as T;
        } catch {
          throw new Error(`${response.method} ${response.url} → ${response.status}: the body is not JSON: ${response.body.slice(0, 300)}`);
        }
      },
    };
  }
}
