import js from '@eslint/js';
import obsidianmd from 'eslint-plugin-obsidianmd';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'events', 'process', 'buffer'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'main.js', 'tests/e2e/dist/', '.bench/', 'coverage/', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs in the app (desktop and mobile), the CLI and tests alike: no Obsidian, no Node.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'obsidian', message: 'src/core is pure: put Obsidian code in src/obsidian.' }],
          patterns: [{ group: nodeBuiltins, message: 'src/core is pure: put Node code in src/cli.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'app'],
    },
  },
);
