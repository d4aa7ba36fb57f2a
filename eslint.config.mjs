import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The parts and what each may import (DESIGN.md, docs/ARCHITECTURE.md). A zone forbids the files
// under `target`, at any depth, to import anything under `from`. The package's entry points
// (src/index.ts, src/errors.ts, src/gate.ts) join the parts, so no part may import them.
const ENTRY_POINTS = ['./src/index.ts', './src/errors.ts', './src/gate.ts'];
const PARTS = {
  client: [],
  emulator: ['client'],
  lookup: ['client'],
  assertion: ['client', 'lookup'],
  cli: ['client', 'emulator', 'lookup', 'assertion'],
};
const boundaryZones = Object.entries(PARTS).map(([part, allowed]) => ({
  target: `./src/${part}`,
  from: [
    ...Object.keys(PARTS)
      .filter((other) => other !== part && !allowed.includes(other))
      .map((other) => `./src/${other}`),
    ...ENTRY_POINTS,
  ],
  message: `src/${part} may import only ${allowed.length ? allowed.map((p) => `src/${p}`).join(', ') : 'nothing of the other parts'} (docs/ARCHITECTURE.md).`,
}));

export default tseslint.config(
  // .stryker-tmp and reports: npm run mutate's sandboxes (instrumented copies) and reports
  {
    ignores: [
      'lib/**',
      'dist/**',
      'node_modules/**',
      'cdktf.out/**',
      '.gen/**',
      'coverage/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaryZones }] },
  },
  {
    // The client and the emulator run without cdktf: in the lookup worker, the CLI and tests.
    files: ['src/client/**/*.ts', 'src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'cdktf', message: 'The client and the emulator never depend on cdktf.' },
            { name: 'constructs', message: 'The client and the emulator never depend on constructs.' },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
