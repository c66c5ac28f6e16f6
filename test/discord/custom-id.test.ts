import { describe, expect, it } from 'vitest';
import { CustomIdError, defineCustomId, idField, splitCustomId } from '../../src/discord/custom-id';

const answer = defineCustomId('qa', {
  roundId: idField.int(),
  position: idField.int(),
  option: idField.int(),
});

function decode(raw: string) {
  const { prefix, fields } = splitCustomId(raw);
  expect(prefix).toBe(answer.prefix);
  return answer.parseFields(fields);
}

describe('custom_id codec', () => {
  it('round-trips typed values', () => {
    const id = answer.encode({ roundId: 42, position: 3, option: 1 });
    expect(id).toBe('1:qa:42:3:1');
    expect(decode(id)).toEqual({ roundId: 42, position: 3, option: 1 });
  });

  it.each([
    ['missing field', '1:qa:42:3'],
    ['extra field', '1:qa:42:3:1:9'],
    ['not a number', '1:qa:42:x:1'],
    ['negative', '1:qa:42:-1:1'],
  ])('rejects a malformed id (%s)', (_label, raw) => {
    expect(() => decode(raw)).toThrow(CustomIdError);
  });

  it('rejects ids of another version as outdated, and garbage as malformed', () => {
    expect(() => splitCustomId('0:qa:1:2:3')).toThrow(expect.objectContaining({ reason: 'outdated' }));
    expect(() => splitCustomId('hello')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => splitCustomId('')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => splitCustomId('1:' + 'x'.repeat(120))).toThrow(
      expect.objectContaining({ reason: 'malformed' }),
    );
  });

  it('refuses to encode what would not fit Discord or not parse back', () => {
    const long = defineCustomId('t', { text: idField.token(200) });
    expect(() => long.encode({ text: 'a'.repeat(120) })).toThrow(/100/);
    expect(() => long.encode({ text: 'a:b' })).toThrow(/":"/);
    expect(() => answer.encode({ roundId: 1.5, position: 0, option: 0 })).toThrow();
  });
});
