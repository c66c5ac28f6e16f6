import { describe, expect, it } from 'vitest';
import { findTopic, searchTopics } from '../../src/deck/topic-search';

const topics = ['Segurança e IAM', 'Avaliação de modelos', 'Machine Learning', 'Aprendizado por reforço'];

describe('topic search', () => {
  it('matches ignoring case and accents, prefix matches first', () => {
    expect(searchTopics(topics, 'SEGURANCA')).toEqual(['Segurança e IAM']);
    expect(searchTopics(topics, 'a')).toEqual([
      'Avaliação de modelos',
      'Aprendizado por reforço',
      'Segurança e IAM',
      'Machine Learning',
    ]);
    expect(searchTopics(topics, '')).toHaveLength(4);
    expect(searchTopics(topics, 'a', 2)).toHaveLength(2);
  });

  it('resolves a typed topic to the deck spelling', () => {
    expect(findTopic(topics, ' avaliacao de MODELOS ')).toBe('Avaliação de modelos');
    expect(findTopic(topics, 'avaliação')).toBeNull();
  });
});

describe('searchTopics at Discord scale', () => {
  it('matches without accents or case, prefix first, at most 25', () => {
    const topics = [
      'Métricas de avaliação',
      'Avaliação de modelos',
      'Bedrock',
      ...Array.from({ length: 40 }, (_, i) => `Tópico ${i}`),
    ];
    expect(searchTopics(topics, 'avaliacao')).toEqual(['Avaliação de modelos', 'Métricas de avaliação']);
    expect(searchTopics(topics, 'topico')).toHaveLength(25);
    expect(searchTopics(topics, '')).toHaveLength(25);
    expect(searchTopics(['x'.repeat(101), 'xy'], 'x')).toEqual(['xy']);
  });
});
