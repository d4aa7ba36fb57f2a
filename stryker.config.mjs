// Mutation testing (issue 14): `npm run mutate -- <module>` (scripts/mutate.js) sets
// STRYKER_MODULE to one of the modules in scripts/mutate-modules.js; this file turns it into
// Stryker's options. Not part of `npm test`: a module takes minutes (README, "Mutation testing").
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { MODULES } = require('./scripts/mutate-modules.js');
const baseJest = require('./jest.config.js');

const name = process.env.STRYKER_MODULE;
const module = MODULES[name];
if (!module) {
  throw new Error(
    `STRYKER_MODULE must name a module (${Object.keys(MODULES).join(', ')}); run \`npm run mutate -- <module>\`.`,
  );
}
const reportDir = `reports/mutation/${name}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: module.mutate,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The project's jest settings, restricted to the module's test files.
    config: {
      ...baseJest,
      testMatch: module.tests.map((glob) => `<rootDir>/${glob}`),
      testPathIgnorePatterns: ['/node_modules/', ...(module.skip ?? []).map((file) => `<rootDir>/${file}$`)],
    },
    enableFindRelatedTests: false,
  },
  // Each mutant runs only the tests that reached its code in the initial run.
  coverageAnalysis: 'perTest',
  // A mutant that does not compile is not a test's business: the checker discards it first.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // The machine (and CI) has two cores.
  concurrency: 2,
  // Stryker's own folder and the reports stay out of the sandbox copy (and of git: .gitignore).
  ignorePatterns: ['reports', '.stryker-tmp', 'coverage', 'cdktf.out', '.bench', 'tmp', 'dist'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reportDir}/mutation.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false },
  // `npm run mutate -- <module> --incremental` reuses this file: only mutants whose code or tests
  // changed run again. It is a local cache, never committed (.gitignore).
  incrementalFile: `${reportDir}/stryker-incremental.json`,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
