// A port the mock cannot listen on (8080 taken, a privileged port) gets a hint naming --port,
// from the error object Node really raises.
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFailureMessage } from './start-failure';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The error Node gives a second listen on a port already held. */
async function addressInUseError(): Promise<{ error: unknown; port: number }> {
  const holder = createServer();
  servers.push(holder);
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as AddressInfo;
  const second = createServer();
  servers.push(second);
  const error = await new Promise((resolve) => {
    second.once('error', resolve);
    second.listen(port, '127.0.0.1');
  });
  return { error, port };
}

describe('startFailureMessage', () => {
  it('EADDRINUSE: the error, then a hint naming the port, --port <n> and --port 0', async () => {
    const { error, port } = await addressInUseError();
    const lines = startFailureMessage(error).split('\n');
    expect(lines[0]).toBe(`mock-atlas: cannot start: listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
    expect(lines[1]).toMatch(/^mock-atlas: hint: /);
    expect(lines[1]).toContain(`port ${port} is already in use`);
    expect(lines[1]).toContain('--port <n>');
    expect(lines[1]).toContain('--port 0 for any free port');
    expect(lines.slice(2)).toEqual(['']);
  });

  it('EACCES on listen (a privileged port): a hint naming --port', () => {
    // Tests run as root here, where Node raises no EACCES for port 80: this is the object it raises otherwise.
    const error = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:80'), { code: 'EACCES', errno: -13, syscall: 'listen', address: '127.0.0.1', port: 80 });
    const message = startFailureMessage(error);
    expect(message).toContain('mock-atlas: cannot start: listen EACCES: permission denied 127.0.0.1:80\n');
    expect(message).toMatch(/mock-atlas: hint: port 80 needs privileges.*--port <n>, or --port 0 for any free port/);
  });

  it('an error that is not about listening: the error alone', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/state/mock.json'"), { code: 'EACCES', syscall: 'open' });
    expect(startFailureMessage(error)).toBe("mock-atlas: cannot start: EACCES: permission denied, open '/state/mock.json'\n");
  });
});
