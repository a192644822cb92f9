import { describe, expect, it } from 'vitest';
import { validate } from '../validate';

describe('snapshot.request', () => {
  it.each([
    ['spec an on-demand snapshot kept five days', { description: 'before the key rotation', retentionInDays: 5 }],
    ['spec an empty body takes the defaults', {}],
  ])('%s', (_name, body) => {
    expect(validate('snapshot.request', body)).toEqual([]);
  });

  it('spec retentionInDays is at least 1', () => {
    expect(validate('snapshot.request', { retentionInDays: 0 })).toMatchObject([
      { ruleId: 'schema/range', errorCode: 'INVALID_ATTRIBUTE', path: ['retentionInDays'], message: 'Attribute retentionInDays must be at least 1, not 0.' },
    ]);
  });

  it('spec retentionInDays is a whole number', () => {
    expect(validate('snapshot.request', { retentionInDays: 1.5 })).toMatchObject([{ ruleId: 'schema/type', path: ['retentionInDays'] }]);
  });

  it('spec the request has no retentionUnit', () => {
    expect(validate('snapshot.request', { retentionUnit: 'DAYS' })).toMatchObject([{ ruleId: 'schema/unknown-field', path: ['retentionUnit'] }]);
  });
});

describe('snapshot.retention', () => {
  it('spec WEEKS with a value is valid', () => {
    expect(validate('snapshot.retention', { retentionUnit: 'WEEKS', retentionValue: 2 })).toEqual([]);
  });

  it('spec both fields are required', () => {
    expect(validate('snapshot.retention', {})).toMatchObject([
      { ruleId: 'schema/required', errorCode: 'MISSING_ATTRIBUTE', path: ['retentionUnit'], message: 'Missing required attribute `retentionUnit` at the top level.' },
      { ruleId: 'schema/required', path: ['retentionValue'] },
    ]);
  });

  it('README §3 the unit is upper case here, unlike policy items', () => {
    expect(validate('snapshot.retention', { retentionUnit: 'days', retentionValue: 2 })).toMatchObject([
      { ruleId: 'schema/enum', path: ['retentionUnit'], message: 'Attribute retentionUnit has the invalid value "days"; expected one of DAYS, WEEKS, MONTHS, YEARS. Did you mean "DAYS"?' },
    ]);
  });
});
