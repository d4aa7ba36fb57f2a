import { payloadHash } from '../../../src/client/signing/payload-hash';
import { EMPTY_PAYLOAD_HASH } from '../../../src/client/signing/signing-constants';

describe('payloadHash', () => {
  test('is the empty-body hash for no body', () => {
    expect(payloadHash(undefined)).toBe(EMPTY_PAYLOAD_HASH);
    expect(payloadHash('')).toBe(EMPTY_PAYLOAD_HASH);
  });

  test('hashes the exact bytes, so a string and its UTF-8 bytes agree', () => {
    expect(payloadHash('{"a":"é"}')).toBe(payloadHash(Buffer.from('{"a":"é"}', 'utf8')));
    expect(payloadHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('uses X-Sdk-Content-Sha256 when the request declares it', () => {
    expect(payloadHash('abc', { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' })).toBe('UNSIGNED-PAYLOAD');
  });
});
