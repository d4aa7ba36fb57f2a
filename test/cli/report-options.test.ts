import type { CliIo } from '../../src/cli/output';
import { reportTarget } from '../../src/cli/report-options';

const io = { cwd: '/work/app' } as CliIo;
const args = (values: Record<string, string>) => ({ values, positionals: [] });

describe('reportTarget', () => {
  test('no option: no report', () => {
    expect(reportTarget(args({}), io)).toBeUndefined();
  });

  test('--report alone goes to stdout', () => {
    expect(reportTarget(args({ report: 'junit' }), io)).toEqual({ format: 'junit' });
  });

  test('--report-file is resolved against the working directory; its extension picks the format', () => {
    expect(reportTarget(args({ 'report-file': 'out/gate.xml' }), io)).toEqual({
      format: 'junit',
      file: '/work/app/out/gate.xml',
    });
    expect(reportTarget(args({ 'report-file': 'gate.json' }), io)).toEqual({
      format: 'json',
      file: '/work/app/gate.json',
    });
  });

  test('--report wins over the extension', () => {
    expect(reportTarget(args({ report: 'json', 'report-file': 'gate.xml' }), io)).toEqual({
      format: 'json',
      file: '/work/app/gate.xml',
    });
  });

  test('an unknown format, or a file whose format cannot be told, is a usage error', () => {
    expect(() => reportTarget(args({ report: 'sarif' }), io)).toThrow(
      "--report must be json or junit, not 'sarif'",
    );
    expect(() => reportTarget(args({ 'report-file': 'gate.txt' }), io)).toThrow(
      'add --report json or --report junit',
    );
  });
});
