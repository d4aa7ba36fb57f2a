// The SDK-HMAC-SHA256 signer, one step per file. The emulator's verifier imports from here.
export * from './signing-constants';
export * from './percent-encode';
export * from './header-value';
export * from './canonical-uri';
export * from './canonical-query';
export * from './canonical-headers';
export * from './payload-hash';
export * from './canonical-request';
export * from './string-to-sign';
export * from './sdk-date';
export * from './compute-signature';
export * from './parse-authorization';
export * from './sign-request';
