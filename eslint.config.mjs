// Flat ESLint config. Module boundaries are enforced twice on purpose:
// @nx/enforce-module-boundaries knows projects and npm packages, but it ignores
// Node built-ins (they are not in the project graph), so `no-restricted-imports`
// bans node:fs / node:net in the pure libraries.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const PURE_LIB_BANNED_PACKAGES = ['express', 'yaml', 'pino', 'supertest', 'node:*', 'fs', 'net'];
const NODE_IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'child_process', 'node:child_process'];

export default [
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '**/coverage/**', '.nx/**', 'tmp/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:schemas',
              onlyDependOnLibsWithTags: ['type:schemas', 'type:model'],
              bannedExternalImports: PURE_LIB_BANNED_PACKAGES,
            },
            {
              sourceTag: 'type:model',
              onlyDependOnLibsWithTags: ['type:model'],
              bannedExternalImports: PURE_LIB_BANNED_PACKAGES,
            },
            {
              sourceTag: 'type:rules',
              onlyDependOnLibsWithTags: ['type:rules', 'type:model', 'type:schemas'],
              bannedExternalImports: PURE_LIB_BANNED_PACKAGES,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:rules', 'type:model', 'type:schemas'],
              bannedExternalImports: ['express', 'supertest', 'pino'],
            },
            {
              // Atlas representations over HTTP: error catalogue, media-type versions, roles.
              sourceTag: 'type:http',
              onlyDependOnLibsWithTags: ['type:http', 'type:rules', 'type:model', 'type:schemas'],
              bannedExternalImports: ['express', 'supertest', 'pino', 'yaml'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:app', 'type:http', 'type:domain', 'type:rules', 'type:model', 'type:schemas'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:http', 'type:domain', 'type:rules', 'type:model', 'type:schemas'],
            },
            {
              // examples/: what a user of the published packages writes, so only the public harness.
              sourceTag: 'type:example',
              onlyDependOnLibsWithTags: ['type:example', 'type:testing'],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:tool', 'type:testing', 'type:app', 'type:http', 'type:domain', 'type:rules', 'type:model', 'type:schemas'],
            },
          ],
        },
      ],
    },
  },
  {
    // The pure libraries: no I/O, no HTTP, no YAML parser. Tests beside the code may read fixtures.
    files: ['libs/schemas/src/**/*.ts', 'libs/model/src/**/*.ts', 'libs/rules/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...NODE_IO_MODULES.map((name) => ({ name, message: 'Pure libraries do no I/O: pass data in instead.' })),
            { name: 'express', message: 'Pure libraries never import Express: that is the app adapter.' },
            { name: 'yaml', message: 'Pure libraries never parse YAML: the linter app does, with positions.' },
          ],
        },
      ],
    },
  },
];
