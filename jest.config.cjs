// ESM-only packages of the unified ecosystem that jest must transpile.
const esmPackages = [
  'unified', 'remark-.*', 'mdast-.*', 'micromark.*', 'unist-.*', 'vfile.*',
  'decode-named-character-reference', 'character-entities', 'bail', 'is-plain-obj',
  'trough', 'devlop', 'zwitch', 'longest-streak', 'ccount',
  // jsdom tests resolve the browser build of yaml, which is ESM.
  'yaml',
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: { '\\.[cm]?[jt]s$': '<rootDir>/tests/esbuild-transform.cjs' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^obsidian$': '<rootDir>/tests/__mocks__/obsidian.ts' },
  globalSetup: '<rootDir>/tests/global-setup.cjs',
  reporters: ['default', '<rootDir>/tests/summary-reporter.cjs'],
};
