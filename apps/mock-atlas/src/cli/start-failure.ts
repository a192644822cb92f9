/** What Node puts on a failed `listen`. */
interface ListenError {
  readonly code?: unknown;
  readonly syscall?: unknown;
  readonly port?: unknown;
}

/**
 * The lines printed when the mock cannot start for a reason other than its input: the error,
 * and for a port it cannot listen on, how to pick another, since the default 8080 is often taken.
 * @example startFailureMessage(error) // 'mock-atlas: cannot start: listen EADDRINUSE: …\nmock-atlas: hint: …\n'
 */
export function startFailureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `mock-atlas: cannot start: ${message}\n${listenHint(error) ?? ''}`;
}

function listenHint(error: unknown): string | undefined {
  const { code, syscall, port } = (typeof error === 'object' && error !== null ? error : {}) as ListenError;
  if (syscall !== 'listen') return undefined;
  const which = typeof port === 'number' ? `port ${port}` : 'the port';
  const choose = 'choose another with --port <n>, or --port 0 for any free port (the banner or --json says which)';
  if (code === 'EADDRINUSE') return `mock-atlas: hint: ${which} is already in use; ${choose}.\n`;
  if (code === 'EACCES') return `mock-atlas: hint: ${which} needs privileges to listen on (ports below 1024 do on most systems); ${choose}.\n`;
  return undefined;
}
