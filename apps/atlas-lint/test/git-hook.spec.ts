// A real `git commit` in a temporary repository whose pre-commit hook runs lint-staged,
// configured as docs/atlas-lint.md recommends, with the built atlas-lint: a bad config
// blocks the commit, a good one goes through.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, childEnv, EXAMPLES, NOW, WORKSPACE_ROOT } from './cli';

const LINT_STAGED = join(WORKSPACE_ROOT, 'node_modules/lint-staged/bin/lint-staged.js');
let repo: string;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: gitEnv() });

function gitEnv(): NodeJS.ProcessEnv {
  // Isolate from the user's and the system's git config (hooksPath, signing, templates).
  return childEnv({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: repo, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.test' });
}

function commit(message: string) {
  return spawnSync('git', ['commit', '-m', message], { cwd: repo, encoding: 'utf8', env: gitEnv() });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'atlas-lint-git-'));
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  // The lint-staged recipe of docs/atlas-lint.md, with the bundle's path for `atlas-lint`
  // (--now keeps the rotation rule independent of the wall clock).
  writeFileSync(join(repo, '.lintstagedrc.json'), JSON.stringify({ '*.{yaml,yml}': `node ${BUNDLE} --now ${NOW}` }, null, 2));
  writeFileSync(join(repo, '.git/hooks/pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${LINT_STAGED}"\n`);
  chmodSync(join(repo, '.git/hooks/pre-commit'), 0o755);
  writeFileSync(join(repo, 'README.md'), 'configs\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
});

describe('pre-commit hook with lint-staged', () => {
  it('blocks a commit that adds a config breaking a rule, naming the rule', () => {
    writeFileSync(join(repo, 'project.yaml'), readFileSync(join(EXAMPLES, 'invalid/restore--key-valid.yaml')));
    git('add', 'project.yaml');
    const result = commit('add a bad config');
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('restore/key-valid');
    expect(git('log', '--format=%s')).toBe('init\n');
  });

  it('lets a commit with a clean config through', () => {
    writeFileSync(join(repo, 'project.yaml'), readFileSync(join(EXAMPLES, 'demo-project.yaml')));
    git('add', 'project.yaml');
    const result = commit('add the demo config');
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(git('log', '--format=%s')).toBe('add the demo config\ninit\n');
  });
});
