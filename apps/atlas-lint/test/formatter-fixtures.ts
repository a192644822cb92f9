// Shared inputs of the formatter tests: two files, one clean, one with an error carrying
// an Atlas code and a related location, and a warning.
import type { CatalogEntry } from '../src/lint/catalog';
import { fileResult, type FileResult } from '../src/lint/types';
import type { FormatterContext } from '../src/formatters/types';

export const catalog: readonly CatalogEntry[] = [
  {
    id: 'restore/key-valid',
    kind: 'rule',
    severity: 'error',
    description: 'A snapshot encrypted with a key that has since become invalid cannot be restored.',
    docsUrl: 'https://example.test/rules.md#restore-key-valid',
    errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
    httpStatus: 400,
    configurable: true,
  },
  {
    id: 'kms/key-rotation-age',
    kind: 'rule',
    severity: 'warn',
    description: 'A key older than the rotation threshold should be rotated.',
    docsUrl: 'https://example.test/rules.md#kms-key-rotation-age',
    configurable: true,
  },
];

export const results: readonly FileResult[] = [
  fileResult('configs/clean.yaml', []),
  fileResult('configs/pay, "ments".yaml', [
    {
      ruleId: 'kms/key-rotation-age',
      severity: 'warn',
      message: 'Key 030g is 300 days old: rotate it.',
      line: 12,
      column: 18,
      endLine: 12,
      endColumn: 40,
      path: 'kms.keys[0].createdAt',
    },
    {
      ruleId: 'restore/key-valid',
      severity: 'error',
      message: 'Restore job 0 uses snapshot 6a79, taken with the disabled key 1f2e: <restore> & "fail".',
      line: 28,
      column: 17,
      endLine: 28,
      endColumn: 41,
      errorCode: 'AWS_KMS_CUSTOMER_MASTER_KEY_NOT_ENABLED',
      httpStatus: 400,
      path: 'restoreJobs[0].snapshotId',
      related: [{ message: 'The snapshot: 100%, done', line: 22, column: 9, endLine: 22, endColumn: 33 }],
    },
  ]),
];

export const ctx: FormatterContext = { cwd: '/repo', color: false, version: '9.9.9', catalog };
