import { colourGateReport } from '../../src/cli/colour-gate-report';
import { createStyle } from '../../src/cli/style';

const TEXT = [
  'DIS transfer task gate failed for orders: 1 error(s), 1 warning(s), 1 acknowledged.',
  '  ERROR DIS-TASK-STATE: task orders/a is PAUSED.',
  '  WARN  DIS-TRANSFER-LAG: task orders/b is late.',
  '  ACK   DIS-TASK-STATE: task orders/c is PAUSED.',
].join('\n');

describe('colourGateReport', () => {
  test('colours the level words and bolds the headline on a terminal', () => {
    const lines = colourGateReport(TEXT, createStyle({ write: () => true, isTTY: true }, {})).split('\n');
    expect(lines[0]).toBe(`\u001b[1m${TEXT.split('\n')[0]}\u001b[22m`);
    expect(lines[1]).toBe('  \u001b[31mERROR\u001b[39m DIS-TASK-STATE: task orders/a is PAUSED.');
    expect(lines[2]).toBe('  \u001b[33mWARN\u001b[39m  DIS-TRANSFER-LAG: task orders/b is late.');
    expect(lines[3]).toBe('  \u001b[2mACK\u001b[22m   DIS-TASK-STATE: task orders/c is PAUSED.');
  });

  test('leaves the text alone when colour is off', () => {
    expect(colourGateReport(TEXT, createStyle({ write: () => true }, {}))).toBe(TEXT);
  });
});
