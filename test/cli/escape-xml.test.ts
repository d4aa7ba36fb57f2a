import { escapeXml } from '../../src/cli/escape-xml';

describe('escapeXml', () => {
  test('escapes the five XML specials and drops control characters XML cannot carry', () => {
    expect(escapeXml('<a href="x">&\'\u0001</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});
