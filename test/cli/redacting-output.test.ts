import { redactingOutput, secretValues } from '../../src/cli/redacting-output';

describe('secretValues', () => {
  test('collects the values of secret variables, longest first, and ignores other variables', () => {
    // GIVEN
    const env = {
      HW_SECRET_KEY: 'sk-123456',
      HW_AUTH_TOKEN: 'token-1234567890',
      HW_ACCESS_KEY: 'AKAKAKAKAK',
      HW_REGION_NAME: 'cn-north-4',
    };
    // THEN
    expect(secretValues(env)).toEqual(['token-1234567890', 'sk-123456']);
  });

  test('ignores values too short to search for safely', () => {
    expect(secretValues({ HW_PASSWORD: 'abc' })).toEqual([]);
  });
});

describe('redactingOutput', () => {
  test('replaces every occurrence of every secret', () => {
    // GIVEN
    const written: string[] = [];
    const out = redactingOutput({ write: (t: string) => written.push(t), isTTY: true }, [
      'secret-one',
      'secret-two',
    ]);
    // WHEN
    out.write('a secret-one b secret-two c secret-one\n');
    // THEN
    expect(written).toEqual(['a *** b *** c ***\n']);
    expect(out.isTTY).toBe(true);
  });
});
