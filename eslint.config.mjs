import obsidianmd from 'eslint-plugin-obsidianmd';
import { defineConfig } from 'eslint/config';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'events', 'process', 'buffer'];

export default defineConfig([
  { ignores: ['node_modules/', 'dist/', 'main.js', 'tests/e2e/dist/', '.bench/', 'coverage/', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  // The official Obsidian rules, with eslint's and typescript-eslint's type-checked recommended sets.
  ...obsidianmd.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The declarative settings API needs Obsidian 1.13 and replaces display() there; Daybook supports
      // apps from 1.4.4, so its settings tab stays imperative until minAppVersion moves.
      'obsidianmd/settings-tab/prefer-setting-definitions': 'off',
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
  {
    // TypeScript checks names itself; eslint's no-undef only misreads globals such as jest's.
    files: ['**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    // The CLI, the benchmark and the tests run on Node, outside the app; tests poke at fakes freely.
    files: ['src/cli/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'import/no-nodejs-modules': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/no-tfile-tfolder-cast': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
]);
