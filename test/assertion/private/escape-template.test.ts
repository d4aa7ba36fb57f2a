import { escapeTemplate } from '../../../src/assertion/private/escape-template';

describe('escapeTemplate', () => {
  test('doubles the introducers of interpolations and directives', () => {
    expect(escapeTemplate('a ${var.x} b %{if c} d')).toBe('a $${var.x} b %%{if c} d');
  });

  test('leaves lone dollars, percents and braces alone', () => {
    expect(escapeTemplate('cost $5 at 50% {ok}')).toBe('cost $5 at 50% {ok}');
  });

  test('escapes every occurrence', () => {
    expect(escapeTemplate('${a}${b}')).toBe('$${a}$${b}');
  });
});
