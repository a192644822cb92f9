import { describe, expect, it } from 'vitest';
import { EVERY_SECRET, EVERY_SECRET_PATH, stateWithEverySecret } from '../testing/every-secret';
import { mapSecrets, REDACTED, redactState } from './redact-state';

// Where every secret lives, and its value: written out by hand in the fixture, not derived
// from the code under test.
const EXPECTED = Object.fromEntries((Object.keys(EVERY_SECRET) as (keyof typeof EVERY_SECRET)[]).map((k) => [EVERY_SECRET_PATH[k], EVERY_SECRET[k]]));

describe('mapSecrets', () => {
  it('visits exactly the secret slots, with their paths and values', () => {
    const seen: Record<string, string> = {};
    mapSecrets(stateWithEverySecret(), (value, at) => {
      seen[at] = value;
      return value;
    });
    expect(seen).toEqual(EXPECTED);
  });

  it('changes nothing but the secrets', () => {
    const state = stateWithEverySecret();
    const mapped = mapSecrets(state, (value) => `${value}!`);
    const text = JSON.stringify(mapped);
    for (const secret of Object.values(EVERY_SECRET)) expect(text).toContain(JSON.stringify(`${secret}!`));
    expect(text.replaceAll('!"', '"')).toBe(JSON.stringify(state));
  });
});

describe('redactState', () => {
  it('leaves no secret in the export, and marks each one', () => {
    const text = JSON.stringify(redactState(stateWithEverySecret()));
    for (const secret of Object.values(EVERY_SECRET)) expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(text.split(`"${REDACTED}"`)).toHaveLength(Object.keys(EVERY_SECRET).length + 1);
  });
});
