/**
 * The DIS error codes the emulator answers with, and the HTTP status the service uses for each.
 * Source: the DIS API error-code table (https://support.huaweicloud.com/intl/en-us/api-dis/ErrorCode.html),
 * summarised in research/dis-api.md §2.2. Most business errors are 400, not 404.
 */
export const DIS_ERROR_CODES = {
  'DIS.4116': { status: 403, message: 'Invalid RBAC. %s' },
  'DIS.4117': { status: 400, message: 'Invalid Project Id. %s' },
  'DIS.4200': { status: 400, message: 'Invalid request. %s' },
  'DIS.4301': { status: 400, message: 'The stream does not exist. %s' },
  'DIS.4303': { status: 400, message: 'Exceeded traffic control limit.' },
  'DIS.4354': { status: 400, message: 'The transfer task does not exist.' },
  'DIS.5000': { status: 500, message: 'System error.' },
} as const;

/** One of the codes in {@link DIS_ERROR_CODES}. */
export type DisErrorCode = keyof typeof DIS_ERROR_CODES;

/**
 * API gateway (APIG) error codes, with the status the gateway uses.
 * Source: https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-errorcode.html (research/dis-api.md §2.2).
 */
export const GATEWAY_ERROR_CODES = {
  'APIGW.0101': {
    status: 404,
    message: 'The API does not exist or has not been published in the environment',
  },
  'APIGW.0301': { status: 401, message: 'Incorrect IAM authentication information: %s' },
  'APIGW.0308': {
    status: 429,
    message: 'The throttling threshold has been reached: policy user over ratelimit, limit:%s,time:1 second',
  },
  'APIGW.0201': { status: 500, message: 'Backend unavailable' },
  'APIGW.0202': { status: 502, message: 'Backend error' },
  'APIGW.0203': { status: 503, message: 'Backend service unavailable' },
  'APIGW.0204': { status: 504, message: 'Backend timeout' },
} as const;

/** One of the codes in {@link GATEWAY_ERROR_CODES}. */
export type GatewayErrorCode = keyof typeof GATEWAY_ERROR_CODES;
