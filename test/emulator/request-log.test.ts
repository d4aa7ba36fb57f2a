import { RequestLog } from '../../src/emulator/server';

const entry = (path: string) => ({
  method: 'GET',
  path,
  route: 'ListStreams' as const,
  status: 200,
  credentialKind: 'token' as const,
  requestId: 'r',
  receivedAt: 0,
  durationMs: 1,
});

describe('RequestLog', () => {
  it('numbers entries and keeps only the newest `capacity`, numbering on', () => {
    const log = new RequestLog(2);
    for (const p of ['/a', '/b', '/c']) log.add(entry(p));
    expect(log.list().map((e) => [e.seq, e.path])).toEqual([
      [2, '/b'],
      [3, '/c'],
    ]);
  });

  it('hands out copies and restarts at 1 after clear', () => {
    const log = new RequestLog(5);
    log.add(entry('/a'));
    log.list().pop();
    expect(log.list()).toHaveLength(1);
    log.clear();
    log.add(entry('/b'));
    expect(log.list()).toEqual([{ seq: 1, ...entry('/b') }]);
  });
});

describe('RequestLog as a ring', () => {
  it('keeps order across many wraps', () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 10; i++) log.add(entry(`/${i}`));
    expect(log.list().map((e) => e.path)).toEqual(['/8', '/9', '/10']);
    expect(log.list().map((e) => e.seq)).toEqual([8, 9, 10]);
  });
});
