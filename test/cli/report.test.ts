import type { CliIo } from '../../src/cli/output';
import { reportTarget } from '../../src/cli/report';

function captureIo(): CliIo & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (err += t) },
    env: {},
    cwd: '/work/app',
    err: () => err,
  };
}
const args = (values: Record<string, string>) => ({ values, positionals: [] });

describe('reportTarget', () => {
  test('no option, or --output table: no report', () => {
    expect(reportTarget(args({}), captureIo())).toBeUndefined();
    expect(reportTarget(args({ output: 'table' }), captureIo())).toBeUndefined();
  });

  test('--output alone goes to stdout', () => {
    expect(reportTarget(args({ output: 'junit' }), captureIo())).toEqual({ format: 'junit' });
    expect(reportTarget(args({ output: 'json' }), captureIo())).toEqual({ format: 'json' });
  });

  test('--report-file is resolved against the working directory; its extension picks the format', () => {
    expect(reportTarget(args({ 'report-file': 'out/gate.xml' }), captureIo())).toEqual({
      format: 'junit',
      file: '/work/app/out/gate.xml',
    });
    expect(reportTarget(args({ 'report-file': 'gate.JSON' }), captureIo())).toEqual({
      format: 'json',
      file: '/work/app/gate.JSON',
    });
  });

  test('--output wins over the extension', () => {
    expect(reportTarget(args({ output: 'json', 'report-file': 'gate.xml' }), captureIo())).toEqual({
      format: 'json',
      file: '/work/app/gate.xml',
    });
  });

  test('--report still works, as a deprecated alias that says so on stderr', () => {
    // GIVEN
    const io = captureIo();
    // WHEN
    const target = reportTarget(args({ report: 'junit', 'report-file': 'gate.xml' }), io);
    // THEN
    expect(target).toEqual({ format: 'junit', file: '/work/app/gate.xml' });
    expect(io.err()).toBe(
      "Warning: --report is deprecated and will be removed; use --output 'junit' instead.\n",
    );
  });

  test('--report and --output that disagree are a usage error; that agree are fine', () => {
    expect(() => reportTarget(args({ report: 'junit', output: 'json' }), captureIo())).toThrow(
      "--output 'json' and --report 'junit' disagree",
    );
    expect(reportTarget(args({ report: 'json', output: 'json' }), captureIo())).toEqual({ format: 'json' });
  });

  test('an unknown format names the valid ones; --output table with a file is refused', () => {
    expect(() => reportTarget(args({ output: 'yaml' }), captureIo())).toThrow(
      "--output must be table, json, junit or sarif, not 'yaml'",
    );
    expect(() => reportTarget(args({ report: 'xml' }), captureIo())).toThrow(
      "--output must be table, json, junit or sarif, not 'xml'",
    );
    expect(() => reportTarget(args({ output: 'table', 'report-file': 'x.json' }), captureIo())).toThrow(
      '--report-file writes a machine-readable report',
    );
  });

  test('a file whose format cannot be told is a usage error', () => {
    expect(() => reportTarget(args({ 'report-file': 'gate.txt' }), captureIo())).toThrow(
      "Cannot tell the report format of 'gate.txt': add --output json, junit or sarif",
    );
  });
});
