import { ASSERTION_ERRORS } from '../../src/assertion/errors';
import { CLIENT_ERRORS, DisError, reviveDisError } from '../../src/client/errors';
import { CLI_ERRORS, CliUsageError, ExitCode, exitCodeForError } from '../../src/cli/errors';
import { EMULATOR_ERRORS } from '../../src/emulator/errors';
import { LOOKUP_ERRORS } from '../../src/lookup/errors';

/** Every coded error the CLI can meet, as `reviveDisError` rebuilds them from their JSON form. */
const CLASSES = [...CLIENT_ERRORS, ...LOOKUP_ERRORS, ...ASSERTION_ERRORS, ...EMULATOR_ERRORS, ...CLI_ERRORS];

/** The error of class `code` (a plain `DisError` when no class has the code), as it reaches the CLI. */
function errorWithCode(code: string, details: Record<string, unknown> = {}): DisError {
  return reviveDisError({ name: 'DisError', code, message: 'm', details }, CLASSES);
}

describe('CliUsageError', () => {
  test('has a stable code and is revived as itself from its JSON form', () => {
    const error = new CliUsageError('bad option');
    expect(error.code).toBe('DIS_CLI_USAGE');
    expect(CliUsageError.CODE).toBe('DIS_CLI_USAGE');
    const revived = reviveDisError(error.toJSON(), CLI_ERRORS);
    expect(revived.name).toBe('CliUsageError');
    expect(exitCodeForError(revived)).toBe(ExitCode.USAGE);
  });
});

describe('exitCodeForError', () => {
  test('the documented numbers do not change', () => {
    expect([ExitCode.OK, ExitCode.FINDINGS, ExitCode.USAGE, ExitCode.SERVICE]).toEqual([0, 1, 2, 3]);
  });

  test.each([
    ['DIS_CONFIG_ERROR', ExitCode.USAGE],
    ['DIS_AUTH_ERROR', ExitCode.USAGE],
    ['DIS_NETWORK_ERROR', ExitCode.SERVICE],
    ['DIS_RESPONSE_INVALID', ExitCode.SERVICE],
    ['DIS_API_ERROR', ExitCode.SERVICE],
  ])('maps %s to %d', (code, expected) => {
    expect(exitCodeForError(errorWithCode(code))).toBe(expected);
  });

  test.each([
    'DIS_GATE_CONFIG_INVALID',
    'DIS_CONTEXT_FILE_INVALID',
    'DIS_LOOKUP_CONFIG',
    'DIS_SOMETHING_NEW',
  ])('any other DisError code (%s) is a configuration error', (code) => {
    expect(exitCodeForError(errorWithCode(code))).toBe(ExitCode.USAGE);
    expect(exitCodeForError(new DisError(code, 'm'))).toBe(ExitCode.USAGE);
  });

  test('a usage error is a usage error', () => {
    expect(exitCodeForError(new CliUsageError('bad option'))).toBe(ExitCode.USAGE);
  });

  test.each(['DIS.4301', 'DIS.4117', 'DIS.4116', 'DIS.4354'])(
    'a service error the caller fixes in its configuration (%s) exits 2',
    (serviceCode) => {
      expect(exitCodeForError(errorWithCode('DIS_API_ERROR', { serviceCode }))).toBe(ExitCode.USAGE);
    },
  );

  test.each([
    ['throttling', 'DIS.4303', 400],
    ['throttling', 'APIGW.0308', 429],
    ['a server error', 'DIS.5000', 500],
  ])('%s (%s) exits 3', (_what, serviceCode, httpStatus) => {
    expect(exitCodeForError(errorWithCode('DIS_API_ERROR', { serviceCode, httpStatus }))).toBe(
      ExitCode.SERVICE,
    );
  });

  test('an unexpected error (a bug) exits 3', () => {
    expect(exitCodeForError(new TypeError('x is undefined'))).toBe(ExitCode.SERVICE);
  });
});
