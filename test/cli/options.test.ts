import { streamSelection } from '../../src/cli/options';

const args = (values: Record<string, unknown>) => ({
  values: values as Record<string, string[] | boolean>,
  positionals: [],
});

describe('streamSelection', () => {
  test('repeated --stream values, de-duplicated', () => {
    expect(streamSelection(args({ stream: ['orders', 'clicks', 'orders'] }), 'cmd')).toEqual({
      allStreams: false,
      streams: ['orders', 'clicks'],
    });
  });

  test('--all-streams', () => {
    expect(streamSelection(args({ 'all-streams': true }), 'cmd')).toEqual({ allStreams: true });
  });

  test('neither, both, or an empty name is a usage error with an example', () => {
    expect(() => streamSelection(args({}), 'cmd')).toThrow('cmd needs the streams to look at');
    expect(() => streamSelection(args({ stream: ['a'], 'all-streams': true }), 'cmd')).toThrow('not both');
    expect(() => streamSelection(args({ stream: [' '] }), 'cmd')).toThrow('not an empty string');
  });

  test('a name the API would refuse is a configuration error naming --stream and the rule', () => {
    expect(() => streamSelection(args({ stream: ['orders', 'bad name!'] }), 'cmd')).toThrow(
      expect.objectContaining({
        code: 'DIS_CONFIG_ERROR',
        message: `DIS_CONFIG_ERROR: --stream 'bad name!' is not valid: it must be 1-64 characters of letters, digits, "_" and "-"`,
      }),
    );
    expect(() => streamSelection(args({ stream: ['s'.repeat(65)] }), 'cmd')).toThrow('--stream');
  });
});
