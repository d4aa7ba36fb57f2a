import { stableJson } from '../../src/lookup/stable-json';

describe('stableJson', () => {
  test('sorts keys at every level, keeps array order, indents by two and ends with a newline', () => {
    const text = stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } });
    expect(text).toBe(
      '{\n  "a": {\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  test('the same data inserted in a different order gives the same text', () => {
    expect(stableJson({ x: 1, y: { p: 1, q: 2 } })).toBe(stableJson({ y: { q: 2, p: 1 }, x: 1 }));
  });
});
