// Hostile inputs for the linter (issue 8 item 3), generated into a directory: alias bombs,
// deep nesting, huge and binary files, bad encodings, duplicate keys, aliases across
// entities, very long lines, many documents, garbage. Each case says what the linter must
// answer; test/hostile-yaml.spec.ts checks it against the bundle, and
// test/measure-hostile.ts measures time and memory per case for the docs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What the linter must answer for a case: a file with findings (exit 1), or exit 2 for a file it cannot read. */
export interface HostileCase {
  readonly name: string;
  /** Writes the case's input(s) into `dir`; returns the command-line arguments (before --format json). */
  readonly setup: (dir: string) => readonly string[];
  /** Standard input, when the case lints it. */
  readonly stdin?: string;
  readonly status: 1 | 2;
  /** For status 1: the first finding's rule, line and (a fragment of) message. */
  readonly first?: { readonly ruleId: string; readonly line?: number; readonly column?: number; readonly message: RegExp };
  /** For status 1: how many findings the file gets. */
  readonly findings?: number;
  /** For status 2: a fragment of standard error. */
  readonly stderr?: RegExp;
}

const write = (dir: string, name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content);
  return name;
};

const HEAD = 'version: 1\nproject: { name: hostile }\n';
const CLUSTER = (name: string) => `{ name: ${name}, clusterType: REPLICASET, providerSettings: { providerName: AWS, instanceSizeName: M10, regionName: US_EAST_1 }, diskSizeGB: 40, encryptionAtRestProvider: NONE, providerBackupEnabled: true }`;
const MIB = 1024 * 1024;

function billionLaughs(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** A config of plain YAML with `clusters` valid clusters, about 190 bytes each. */
function denseConfig(clusters: number): string {
  const parts = [`${HEAD}clusters:\n`];
  for (let i = 0; i < clusters; i++) parts.push(`  - ${CLUSTER(`c${i}`)}\n`);
  return parts.join('');
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'billion laughs: nine levels of nine aliases (9^9 nodes if expanded)',
    setup: (dir) => [write(dir, 'laughs.yaml', billionLaughs())],
    status: 1,
    first: { ruleId: 'yaml/alias-limit', line: 2, column: 8, message: /billion laughs/ },
    findings: 1,
  },
  {
    name: 'an alias bomb of block mappings, 30 levels doubling',
    setup: (dir) => {
      const lines = ['a0: &a0\n  x: 1\n  y: 2'];
      for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i}\n  p: *a${i - 1}\n  q: *a${i - 1}`);
      return [write(dir, 'block-bomb.yaml', `${lines.join('\n')}\n`)];
    },
    status: 1,
    first: { ruleId: 'yaml/alias-limit', message: /Refused to expand the aliases/ },
    findings: 1,
  },
  {
    name: '50,000 anchors each used once (no bomb, but quadratic to resolve)',
    setup: (dir) => {
      const anchors = Array.from({ length: 50_000 }, (_, i) => `  - &a${i} ${i}`).join('\n');
      return [write(dir, 'aliases.yaml', `${HEAD}x:\n${anchors}\ny: [${Array.from({ length: 50_000 }, (_, i) => `*a${i}`).join(', ')}]\n`)];
    },
    status: 1,
    // Line 50,004 holds every alias; the 1,001st is refused.
    first: { ruleId: 'yaml/alias-limit', line: 50_004, message: /more than 1000 of them \(this is alias number 1001\)/ },
    findings: 1,
  },
  {
    name: 'an alias that reuses one cluster in another',
    setup: (dir) => [write(dir, 'alias-cluster.yaml', `${HEAD}clusters:\n  - &orders ${CLUSTER('orders')}\n  - *orders\n`)],
    status: 1,
    first: { ruleId: 'config/references-resolve', line: 5, column: 5, message: /A cluster named orders is already present/ },
  },
  {
    name: 'a merge key (<<, YAML 1.1) copying one cluster into another',
    setup: (dir) => [write(dir, 'merge.yaml', `${HEAD}clusters:\n  - &orders ${CLUSTER('orders')}\n  - <<: *orders\n    name: reporting\n`)],
    status: 1,
    first: { ruleId: 'schema/required', line: 5, column: 5, message: /Missing required attribute `providerSettings`/ },
  },
  {
    name: '10,000 levels of flow sequences',
    setup: (dir) => [write(dir, 'deep-flow.yaml', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, column: 260, message: /more than 256 levels deep/ },
    findings: 1,
  },
  {
    name: '10,000 levels of flow mappings',
    setup: (dir) => [write(dir, 'deep-flow-map.yaml', `a: ${'{b: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`)],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, message: /more than 256 levels deep/ },
    findings: 1,
  },
  {
    name: '10,000 levels of compact block sequences (- - - …)',
    setup: (dir) => [write(dir, 'deep-seq.yaml', `${'- '.repeat(10_000)}x\n`)],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, message: /more than 256 levels deep/ },
    findings: 1,
  },
  {
    name: '10,000 levels of block mappings by indentation (48 MiB, allowed by --max-file-size)',
    setup: (dir) => [write(dir, 'deep-block.yaml', `${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`), '--max-file-size', '64'],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 258, message: /more than 256 levels deep/ },
    findings: 1,
  },
  {
    name: 'a 20 MB config, refused unread by default',
    setup: (dir) => [write(dir, 'dense-20mb.yaml', denseConfig(100_000))],
    status: 1,
    first: { ruleId: 'yaml/file-too-large', line: 1, column: 1, message: /The file is 20\.\d+ MiB, more than the 2 MiB/ },
    findings: 1,
  },
  {
    name: 'a 20 MB plain config with a finding at its end, linted when --max-file-size allows it',
    setup: (dir) => [write(dir, 'dense-20mb-finding.yaml', `${denseConfig(100_000)}  - ${CLUSTER('c5')}\n`), '--max-file-size', '32'],
    status: 1,
    first: { ruleId: 'config/references-resolve', line: 100_004, column: 13, message: /A cluster named c5 is already present/ },
    findings: 1,
  },
  {
    name: 'a 20 MB config that is not plain YAML (an anchor), with --max-file-size 32',
    setup: (dir) => [write(dir, 'anchored-20mb.yaml', `${HEAD}clusters:\n  - &c0 ${CLUSTER('c0')}\n${denseConfig(100_000).slice(HEAD.length + 10)}`), '--max-file-size', '32'],
    status: 1,
    first: { ruleId: 'yaml/file-too-large', line: 4, column: 3, message: /is not plain YAML from here on/ },
    findings: 1,
  },
  {
    name: 'a PNG image',
    setup: (dir) => [write(dir, 'logo.yaml', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'))],
    status: 1,
    // 89 50 4E 47 0D 0A | 1A 0A | 00: the NUL byte starts line 3.
    first: { ruleId: 'yaml/syntax', line: 3, column: 1, message: /NUL byte: it looks like a binary file/ },
    findings: 1,
  },
  {
    name: '1 MiB of random bytes',
    setup: (dir) => [write(dir, 'random.yaml', randomBytes(MIB))],
    status: 1,
    first: { ruleId: 'yaml/syntax', message: /NUL byte|not valid UTF-8/ },
    findings: 1,
  },
  {
    name: 'a NUL byte in a config',
    setup: (dir) => [write(dir, 'nul.yaml', `${HEAD}a: x\0y\n`)],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 3, column: 5, message: /NUL byte/ },
    findings: 1,
  },
  {
    name: 'invalid UTF-8 (a Latin-1 é)',
    setup: (dir) => [write(dir, 'latin1.yaml', Buffer.from(`${HEAD}description: caf\xe9\n`, 'latin1'))],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 3, column: 17, message: /not valid UTF-8 \(byte 0xE9 here\)/ },
    findings: 1,
  },
  {
    name: 'UTF-16 BE with a byte order mark',
    setup: (dir) => [write(dir, 'utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(HEAD, 'utf16le').swap16()]))],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, column: 1, message: /UTF-16/ },
    findings: 1,
  },
  {
    name: 'UTF-16 LE without a byte order mark',
    setup: (dir) => [write(dir, 'utf16le.yaml', Buffer.from(HEAD, 'utf16le'))],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, column: 2, message: /NUL byte/ },
    findings: 1,
  },
  {
    name: 'a duplicate key in a flow mapping',
    setup: (dir) => [write(dir, 'dup-flow.yaml', 'version: 1\nproject: { name: a, name: b }\n')],
    status: 1,
    first: { ruleId: 'yaml/duplicate-key', line: 2, column: 21, message: /Duplicate key "name" \(first written at line 2\)/ },
    findings: 1,
  },
  {
    name: '200,000 duplicate keys: the first 100 findings, then one that counts the rest',
    setup: (dir) => [write(dir, 'dups.yaml', 'a: 1\n'.repeat(200_001))],
    status: 1,
    first: { ruleId: 'yaml/duplicate-key', line: 2, column: 1, message: /Duplicate key "a"/ },
    findings: 101,
  },
  {
    name: '200,000 lines of YAML garbage: the first 100 findings, then one that counts the rest',
    setup: (dir) => [write(dir, 'garbage.yaml', '  - ]\n'.repeat(200_000))],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, message: /Unexpected/ },
    findings: 101,
  },
  {
    name: 'a 1.5 MB quoted value on one line',
    setup: (dir) => [write(dir, 'long-value.yaml', `${HEAD}description: "${'x'.repeat(1_500_000)}"\n`)],
    status: 1,
    // At the unknown key (column 1), not its 1.5 MB value: the key is what must change.
    first: { ruleId: 'schema/unknown-field', line: 3, column: 1, message: /Unknown attribute `description`/ },
    findings: 1,
  },
  {
    name: 'a 1.5 MB key',
    setup: (dir) => [write(dir, 'long-key.yaml', `${'k'.repeat(1_500_000)}: 1\n`)],
    status: 1,
    first: { ruleId: 'yaml/syntax', line: 1, column: 1, message: /at most 1024 chars/ },
    findings: 1,
  },
  {
    name: 'a 1.9 MB flow sequence on one line',
    setup: (dir) => [write(dir, 'long-flow.yaml', `${HEAD}clusters: [${Array(9_000).fill(CLUSTER('c')).join(', ')}]\n`)],
    status: 1,
    first: { ruleId: 'config/references-resolve', line: 3, message: /A cluster named c is already present/ },
  },
  {
    name: '100,000 documents in one file',
    setup: (dir) => [write(dir, 'documents.yaml', `${HEAD}${'---\nversion: 1\n'.repeat(100_000)}`)],
    status: 1,
    first: { ruleId: 'yaml/multiple-documents', line: 3, column: 1, message: /A second YAML document starts here/ },
    findings: 1,
  },
  {
    name: '3 MB on standard input, read no further than the limit',
    setup: () => ['--stdin'],
    stdin: HEAD + '# padding\n'.repeat(300_000),
    status: 1,
    first: { ruleId: 'yaml/file-too-large', line: 1, message: /The file is larger than the 2 MiB/ },
    findings: 1,
  },
  {
    name: 'a directory named like a config',
    setup: (dir) => {
      mkdirSync(join(dir, 'folder.yaml'));
      return ['folder.yaml'];
    },
    status: 2,
    stderr: /No \*\.yaml or \*\.yml files in the directory "folder\.yaml"/,
  },
  {
    name: 'a file that does not exist',
    setup: () => ['missing.yaml'],
    status: 2,
    stderr: /No such file or directory: "missing\.yaml"/,
  },
  {
    name: 'a named pipe (reading it would wait for a writer for ever)',
    // Node has no mkfifo: the coreutils make it (Linux, macOS).
    setup: (dir) => [fifo(dir, 'pipe.yaml')],
    status: 2,
    stderr: /cannot read pipe\.yaml: it is a named pipe, not a regular file/,
  },
  {
    name: 'a link to /dev/zero inside a linted directory (reading it would never end)',
    setup: (dir) => {
      linkTo(dir, 'configs/zero.yaml', '/dev/zero');
      write(dir, 'configs/ok.yaml', HEAD);
      return ['configs'];
    },
    status: 2,
    stderr: /cannot read configs\/zero\.yaml: it is a character device, not a regular file/,
  },
];

function fifo(dir: string, name: string): string {
  execFileSync('mkfifo', [join(dir, name)]);
  return name;
}

function linkTo(dir: string, name: string, target: string): void {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  symlinkSync(target, join(dir, name));
}
