// The modules `npm run mutate -- <module>` mutates, each with the test files that pin it. One list,
// read by stryker.config.mjs (what to mutate, which tests jest runs) and by scripts/mutate.js (the
// names it accepts). A module's tests are the files next to its sources in test/ (ARCHITECTURE.md:
// test/ mirrors src/), chosen so that a run finishes in about 15 minutes on two cores: the
// end-to-end suites (cdktf, terraform, child processes) are left out, they kill nothing these
// unit tests do not. `skip` leaves out a file the globs match that runs the code in a child
// process (from lib/, not the mutated source, so it kills nothing) and cannot run in Stryker's
// sandbox (it has no node_modules when the working copy's is a link, and only its owner may enter it).
'use strict';

/** @type {Record<string, { mutate: string[]; tests: string[]; skip?: string[] }>} */
const MODULES = {
  gate: {
    mutate: ['src/assertion/rules/*.ts', 'src/assertion/evaluate-gate.ts', 'src/assertion/gate-rules.ts'],
    tests: [
      'test/assertion/rules/*.test.ts',
      'test/assertion/evaluate-gate*.test.ts',
      'test/assertion/gate-rules*.test.ts',
      'test/assertion/acknowledgements*.test.ts',
      'test/assertion/gate-report*.test.ts',
      'test/assertion/gate-parsers*.test.ts',
      'test/assertion/sarif*.test.ts',
    ],
    // the SARIF Multitool takes seconds a run and judges the log's form, not the rules' behaviour
    skip: ['test/assertion/sarif.validators.test.ts'],
  },
  signing: {
    mutate: ['src/client/signing.ts'],
    tests: ['test/client/signing*.test.ts'],
  },
  cache: {
    mutate: [
      'src/lookup/context-entry.ts',
      'src/lookup/context-store.ts',
      'src/lookup/context-file-write.ts',
      'src/lookup/json-text.ts',
    ],
    tests: [
      'test/lookup/context-entry*.test.ts',
      'test/lookup/context-store*.test.ts',
      'test/lookup/context-file*.test.ts',
      'test/lookup/context-cache*.test.ts',
      'test/lookup/json-text*.test.ts',
      'test/lookup/write-behind*.test.ts',
    ],
    skip: ['test/lookup/context-store.concurrent.test.ts', 'test/lookup/context-file.unprivileged.test.ts'],
  },
  transport: {
    mutate: [
      'src/client/transport.ts',
      'src/client/retry.ts',
      'src/client/call-guard.ts',
      'src/client/proxy.ts',
    ],
    tests: [
      'test/client/transport*.test.ts',
      'test/client/retry*.test.ts',
      'test/client/call-guard*.test.ts',
      'test/client/proxy*.test.ts',
      'test/client/dis-client.test.ts',
      'test/client/dis-client.secrets.test.ts',
    ],
  },
  lookup: {
    mutate: [
      'src/lookup/context-provider.ts',
      'src/lookup/recorded-targets.ts',
      'src/lookup/freshness.ts',
      'src/lookup/offline.ts',
      'src/lookup/project-lookup.ts',
      'src/lookup/lookup-mode.ts',
    ],
    tests: [
      'test/lookup/context-provider*.test.ts',
      'test/lookup/recorded-targets*.test.ts',
      'test/lookup/freshness*.test.ts',
      'test/lookup/offline*.test.ts',
      'test/lookup/project-lookup*.test.ts',
      'test/lookup/lookup-mode*.test.ts',
      'test/lookup/dis-transfer-tasks.test.ts',
    ],
  },
};

module.exports = { MODULES };
