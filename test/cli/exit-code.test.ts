import { DisError } from '../../src/client/errors';
import { CliUsageError } from '../../src/cli/cli-usage-error';
import { ExitCode, exitCodeForError } from '../../src/cli/exit-code';

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
    expect(exitCodeForError(new DisError(code, 'm'))).toBe(expected);
  });

  test.each([
    'DIS_GATE_CONFIG_INVALID',
    'DIS_CONTEXT_FILE_INVALID',
    'DIS_LOOKUP_CONFIG',
    'DIS_SOMETHING_NEW',
  ])('any other DisError code (%s) is a configuration error', (code) => {
    expect(exitCodeForError(new DisError(code, 'm'))).toBe(ExitCode.USAGE);
  });

  test('a usage error is a usage error', () => {
    expect(exitCodeForError(new CliUsageError('bad option'))).toBe(ExitCode.USAGE);
  });

  test.each(['DIS.4301', 'DIS.4117', 'DIS.4116'])(
    'a service error the caller fixes in its configuration (%s) exits 2',
    (serviceCode) => {
      expect(exitCodeForError(new DisError('DIS_API_ERROR', 'm', { serviceCode }))).toBe(ExitCode.USAGE);
    },
  );

  test('throttling and server errors exit 3', () => {
    expect(exitCodeForError(new DisError('DIS_API_ERROR', 'm', { serviceCode: 'DIS.5000' }))).toBe(
      ExitCode.SERVICE,
    );
  });

  test('an unexpected error (a bug) exits 3', () => {
    expect(exitCodeForError(new TypeError('x is undefined'))).toBe(ExitCode.SERVICE);
  });
});
