import { describeServiceFailure } from '../../../src/client/errors/describe-service-failure';

describe('describeServiceFailure', () => {
  test('says which stream, where, the service words, the fix and the support facts', () => {
    expect(
      describeServiceFailure({
        httpStatus: 400,
        serviceCode: 'DIS.4301',
        serviceMessage: 'The stream does not exist.',
        streamName: 'orders',
        projectId: 'p1',
        region: 'cn-north-4',
        operation: 'ListTransferTasks',
        requestId: 'r-1',
        attempts: 1,
      }),
    ).toBe(
      "stream 'orders' not found in project p1, region cn-north-4 (DIS.4301: The stream does not exist.): " +
        'check the stream name and the region [ListTransferTasks, request id r-1, 1 attempt]',
    );
  });

  test.each([
    [{ httpStatus: 400, serviceCode: 'DIS.4309' }, 'stop retrying'],
    [{ httpStatus: 401 }, 'locked for 5 minutes'],
    [{ httpStatus: 401, credentialSource: 'HW_USER_NAME' }, 'check the credentials taken from HW_USER_NAME'],
    [{ httpStatus: 403 }, 'DIS ReadOnlyAccess'],
    [{ httpStatus: 429 }, 'throttled'],
    [{ httpStatus: 503, attempts: 3 }, '3 attempts'],
    [{ httpStatus: 400, serviceCode: 'DIS.4354', taskName: 't1' }, "transfer task 't1' not found"],
  ])('words %j with a fix', (facts, expected) => {
    expect(describeServiceFailure(facts)).toContain(expected);
  });
});
