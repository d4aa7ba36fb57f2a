import disNative from '../../fixtures/api/error.dis-native.json';
import gateway from '../../fixtures/api/error.gateway.json';
import keystone from '../../fixtures/api/error.keystone.json';
import { parseErrorBody } from '../../../src/client/schemas/error-body';

describe('parseErrorBody', () => {
  test.each([
    ['DIS errorCode/message', disNative, 'DIS.4301', 'Stream does not exist. [name][project]'],
    ['gateway error_code/error_msg', gateway, 'APIGW.0308', gateway.error_msg],
    ['keystone error.code/message', keystone, '401', 'The request you have made requires authentication.'],
  ])('reads the %s shape', (_shape, body, code, message) => {
    expect(parseErrorBody(JSON.stringify(body))).toEqual({ code, message });
  });

  test.each([
    ['not JSON', '<html>502</html>'],
    ['another JSON shape', '{"oops":true}'],
    ['empty', ''],
  ])('gives nothing for %s', (_what, text) => {
    expect(parseErrorBody(text)).toEqual({});
  });
});
