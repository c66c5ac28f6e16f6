import { describe, expect, it } from 'vitest';
import { isValidTimeZone, normalizeTimeZone, searchTimeZones } from '../../src/time/zones';

describe('isValidTimeZone', () => {
  it.each([
    'America/Sao_Paulo',
    'Europe/Lisbon',
    'America/New_York',
    'Australia/Lord_Howe',
    'UTC',
    'Etc/UTC',
  ])('accepts %s', (name) => expect(isValidTimeZone(name)).toBe(true));

  it('accepts current IANA names that older ICU lists under a former spelling', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Europe/Kyiv')).toBe(true);
  });

  it.each([
    '',
    ' ',
    '+03:00',
    '-0300',
    'Z',
    'GMT-3',
    'EST',
    'america/sao_paulo',
    'America/Sao Paulo',
    'Mars/Olympus',
  ])('rejects %j', (name) => expect(isValidTimeZone(name)).toBe(false));

  it('accepts every name Intl lists', () => {
    for (const name of Intl.supportedValuesOf('timeZone')) expect(isValidTimeZone(name)).toBe(true);
  });
});

describe('normalizeTimeZone', () => {
  it('fixes case, spaces for underscores and surrounding blanks', () => {
    expect(normalizeTimeZone('  america/sao paulo ')).toBe('America/Sao_Paulo');
    expect(normalizeTimeZone('utc')).toBe('UTC');
  });

  it('returns null for anything that is not a zone', () => {
    expect(normalizeTimeZone('')).toBeNull();
    expect(normalizeTimeZone('+03:00')).toBeNull();
    expect(normalizeTimeZone('Sao Paulo')).toBeNull();
  });
});

describe('searchTimeZones', () => {
  it('finds a city case- and accent-insensitively, with spaces or underscores', () => {
    expect(searchTimeZones('sao')[0]).toBe('America/Sao_Paulo');
    expect(searchTimeZones('SÃO PAULO')).toEqual(['America/Sao_Paulo']);
    expect(searchTimeZones('sao_paulo')).toEqual(['America/Sao_Paulo']);
  });

  it('puts names starting with the query before names merely containing it', () => {
    // 'Europe/London' has a part starting with 'lon'; 'America/Miquelon' merely contains it.
    const results = searchTimeZones('lon');
    expect(results.indexOf('Europe/London')).toBeLessThan(results.indexOf('America/Miquelon'));
    expect(results).toContain('America/Miquelon');
    expect(searchTimeZones('europe/l')[0]).toBe('Europe/Lisbon');
    // 'Paulo' starts a word inside the city; 'aulo' only occurs inside a word.
    expect(searchTimeZones('paulo')).toEqual(['America/Sao_Paulo']);
    expect(searchTimeZones('aulo')).toEqual(['America/Sao_Paulo']);
  });

  it('knows a few pt-BR names', () => {
    expect(searchTimeZones('lisboa')).toEqual(['Europe/Lisbon']);
    expect(searchTimeZones('brasília')[0]).toBe('America/Sao_Paulo');
  });

  it('lists the featured zones for an empty query', () => {
    const results = searchTimeZones('   ');
    expect(results.slice(0, 3)).toEqual(['America/Sao_Paulo', 'Europe/Lisbon', 'UTC']);
    expect(results).toHaveLength(25);
    expect(new Set(results).size).toBe(25);
    expect(results.every(isValidTimeZone)).toBe(true);
  });

  it('respects the limit and returns only valid names', () => {
    expect(searchTimeZones('america', 5)).toHaveLength(5);
    expect(searchTimeZones('a').length).toBeLessThanOrEqual(25);
    expect(searchTimeZones('a').every(isValidTimeZone)).toBe(true);
    expect(searchTimeZones('a', 0)).toEqual([]);
  });

  it('returns nothing for a query that matches no zone', () => {
    expect(searchTimeZones('xyzzy')).toEqual([]);
  });
});
