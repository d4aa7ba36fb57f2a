import { canonicalUri } from '../../../src/client/signing/canonical-uri';

describe('canonicalUri', () => {
  test('appends the trailing slash the algorithm requires', () => {
    expect(canonicalUri('/v2/p/streams/orders/transfer-tasks')).toBe('/v2/p/streams/orders/transfer-tasks/');
    expect(canonicalUri('/')).toBe('/');
  });

  test('gives the same result however much the sender escaped', () => {
    expect(canonicalUri("/a!'()*/%C3%A9")).toBe('/a%21%27%28%29%2A/%C3%A9/');
    expect(canonicalUri('/a%21%27%28%29%2a/%c3%a9')).toBe('/a%21%27%28%29%2A/%C3%A9/');
  });

  test('keeps an encoded slash inside its segment', () => {
    expect(canonicalUri('/a%2Fb/c')).toBe('/a%2Fb/c/');
  });

  test('encodes a stray percent sign literally instead of failing', () => {
    expect(canonicalUri('/100%/x')).toBe('/100%25/x/');
  });
});
