// The command line's control API choices (issue 8 item 6): open by default, a token from
// --control-token or MOCK_ATLAS_CONTROL_TOKEN, a generated one with `auto`, or off.
import { InvalidArgumentError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from './parse-args';
import { refusal } from '../testing/refusal';

const TOKEN = 'a-control-token-of-32-characters';
const OTHER = 'another-control-token-0123456789';

beforeEach(() => {
  // commander writes its own error line before throwing; the tests read the thrown error.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const parse = (argv: string[], env: Record<string, string | undefined> = {}) => parseArgs(argv, '0.0.0', env);

describe('parseArgs: the control API', () => {
  it('is open by default, on loopback', () => {
    expect(parse([])).toMatchObject({ host: '127.0.0.1', control: { status: 'open' } });
  });

  it('--control-token <token> protects it with that token', () => {
    expect(parse(['--control-token', TOKEN]).control).toEqual({ status: 'protected', token: TOKEN, tokenFrom: 'flag' });
  });

  it('--control-token auto generates a fresh 32-byte token each start', () => {
    const first = parse(['--control-token', 'auto']).control;
    const second = parse(['--control-token', 'auto']).control;
    expect(first).toEqual({ status: 'protected', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), tokenFrom: 'generated' });
    expect(second.status === 'protected' && first.status === 'protected' && second.token !== first.token).toBe(true);
  });

  it('takes MOCK_ATLAS_CONTROL_TOKEN when no flag is given; the flag wins over it; an empty one is unset', () => {
    expect(parse([], { MOCK_ATLAS_CONTROL_TOKEN: TOKEN }).control).toEqual({ status: 'protected', token: TOKEN, tokenFrom: 'env' });
    expect(parse(['--control-token', OTHER], { MOCK_ATLAS_CONTROL_TOKEN: TOKEN }).control).toEqual({ status: 'protected', token: OTHER, tokenFrom: 'flag' });
    expect(parse([], { MOCK_ATLAS_CONTROL_TOKEN: '' }).control).toEqual({ status: 'open' });
    expect(parse([], { MOCK_ATLAS_CONTROL_TOKEN: 'auto' }).control).toMatchObject({ status: 'protected', tokenFrom: 'generated' });
  });

  it('--no-control-api turns it off, whatever the environment says', () => {
    expect(parse(['--no-control-api']).control).toEqual({ status: 'off' });
    expect(parse(['--no-control-api'], { MOCK_ATLAS_CONTROL_TOKEN: TOKEN }).control).toEqual({ status: 'off' });
  });

  it('refuses --no-control-api with --control-token', () => {
    expect(refusal(() => parse(['--no-control-api', '--control-token', TOKEN])).message).toBe('--no-control-api and --control-token exclude each other');
  });

  it.each([
    ['too short', 'short-token'],
    ['with a space', 'a control token with spaces'],
    ['too long', 'x'.repeat(513)],
  ])('refuses a --control-token %s, naming the option and not quoting the value', (_name, token) => {
    const error = refusal(() => parse(['--control-token', token]));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe('--control-token must be 16 to 512 visible ASCII characters (no spaces), or "auto"');
  });

  it('refuses a MOCK_ATLAS_CONTROL_TOKEN that is not a token without quoting it', () => {
    const error = refusal(() => parse([], { MOCK_ATLAS_CONTROL_TOKEN: 'hunter2' }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe('MOCK_ATLAS_CONTROL_TOKEN must be 16 to 512 visible ASCII characters (no spaces), or "auto"');
    expect(error.message).not.toContain('hunter2');
  });
});
