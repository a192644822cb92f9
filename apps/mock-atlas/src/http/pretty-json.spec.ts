import { describe, expect, it } from 'vitest';
import { prettyJson } from './pretty-json';

describe('prettyJson: Jackson’s DefaultPrettyPrinter, as Atlas prints ?pretty=true', () => {
  it('S3 "Example Response" (enable): reproduces the seed’s text exactly', () => {
    // ../shared/seeds/003_9e25f10ded7a6d66.txt, the AWS example response, line numbers and margins removed.
    const seed = [
      '{',
      '  "awsKms" : {',
      '    "accessKeyID" : "AKIAIOSFODNN7EXAMPLE",',
      '    "customerMasterKeyID" : "030gce02-586d-48d2-a966-05ea954fde0g",',
      '    "enabled" : true,',
      '    "region" : "US_EAST_1",',
      '    "valid" : true',
      '  },',
      '  "azureKeyVault" : {',
      '    "clientID" : null,',
      '    "enabled" : false,',
      '    "keyIdentifier" : null,',
      '    "keyVaultName" : null,',
      '    "resourceGroupName" : null,',
      '    "subscriptionID" : null,',
      '    "tenantID" : null,',
      '    "valid" : false',
      '  }',
      '}',
    ].join('\n');
    expect(prettyJson(JSON.parse(seed))).toBe(seed);
  });

  it('R: the recorded digest challenge body (Content-Length 106 without errorCode)', () => {
    const body = { error: 401, reason: 'Unauthorized', detail: 'You are not authorized for this resource.' };
    expect(prettyJson(body)).toHaveLength(106);
  });

  it('writes arrays inline and empty containers with a space, objects in arrays at their depth', () => {
    expect(prettyJson({ a: [1, 'x'], b: [], c: {}, d: [{ e: null }] })).toBe(
      '{\n  "a" : [ 1, "x" ],\n  "b" : [ ],\n  "c" : { },\n  "d" : [ {\n    "e" : null\n  } ]\n}',
    );
  });

  it('behaves like JSON.stringify for dates and undefined members', () => {
    expect(prettyJson({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toBe('{\n  "at" : "2026-01-01T00:00:00.000Z"\n}');
    expect(prettyJson(undefined)).toBe('');
  });
});
