/** The algorithm name that opens every `Authorization` header and string to sign. */
export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** The signing-date header; it must be among the signed headers. */
export const SDK_DATE_HEADER = 'x-sdk-date';

/** A header whose value, when present, replaces the payload hash (for example `UNSIGNED-PAYLOAD`). */
export const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';

/** Lower-case hex SHA-256 of the empty payload. */
export const EMPTY_PAYLOAD_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
