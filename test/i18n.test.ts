import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../src/shared/i18n';

describe('resolveLocale', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['pt-BR', 'pt-BR'],
    ['es-ES', 'pt-BR'],
    [null, 'pt-BR'],
    [undefined, 'pt-BR'],
  ])('%s → %s', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });
});
