import { describe, expect, it } from 'vitest';
import { loadDeckData } from '../../src/deck/data';
import { lintDeck } from '../../src/deck/lint';
import type { LintContext, LintRule } from '../../src/deck/lint';
import { OverlapIndex } from '../../src/deck/overlaps';
import { ServiceRegistry } from '../../src/deck/services';
import type { Deck, Question } from '../../src/deck/types';
import { shippedDeck } from './helpers';
import { question } from '../support/question-fields';

const data = loadDeckData();
const context: LintContext = {
  overlaps: new OverlapIndex(data.overlaps),
  errata: data.errata,
  services: new ServiceRegistry(data.services),
  sequences: [
    {
      key: 'pipeline|test',
      name: 'Pipeline',
      items: ['Coletar Dados', 'Pré-processar Dados', 'Engenharia de Atributos', 'Treinar'],
      heading: 'Pipeline',
      line: 1,
      topic: 'Pipeline',
      domain: 1,
      mentions: [],
    },
  ],
};

const good: Question = question({
  id: 'q1',
  type: 'single',
  stem: 'Qual serviço da AWS converte texto em fala realista?',
  options: ['Amazon Transcribe', 'Amazon Polly', 'Amazon Translate', 'Amazon Lex'],
  answers: [1],
  explanation: 'Resposta: B. Amazon Polly converte texto em fala.',
  source: { heading: 'Serviços > IA de Linguagem', line: 430 },
  topic: 'Serviços de IA gerenciados',
  domain: 1,
  services: ['Amazon Polly'],
});

function rulesFor(question: Question, extra: Question[] = []): LintRule[] {
  const deck: Deck = { notesSha256: '0'.repeat(64), questions: [question, ...extra], services: [] };
  return lintDeck(deck, context).map((f) => f.rule);
}

describe('lint', () => {
  it('finds nothing in a well-made question', () => {
    expect(rulesFor(good)).toEqual([]);
  });

  it('finds nothing in the shipped deck', () => {
    const { deck, meta } = shippedDeck();
    expect(lintDeck(deck, { ...context, meta, sequences: shippedDeck().facts.sequences })).toEqual([]);
  });

  it('catches stems and rationales about the notes, template blanks and cut-offs', () => {
    expect(rulesFor({ ...good, stem: 'Segundo as notas, qual serviço converte texto em fala?' })).toContain(
      'about-the-notes',
    );
    expect(
      rulesFor({ ...good, stem: 'Na tabela “Folhas de Estudo”, qual serviço converte texto em fala?' }),
    ).toContain('about-the-notes');
    expect(
      rulesFor({ ...good, stem: 'Em “Serviços › IA de Linguagem”, qual converte texto em fala?' }),
    ).toContain('about-the-notes');
    const rationales = [...good.rationales];
    rationales[0] = 'Errado: é o que as notas dizem sobre transcrição de áudio em texto.';
    expect(rulesFor({ ...good, rationales })).toContain('about-the-notes');
    expect(rulesFor({ ...good, stem: 'O ___ converte texto em fala realista. Qual é ele?' })).toContain(
      'template-artifact',
    );
    expect(rulesFor({ ...good, stem: 'Qual serviço da AWS converte texto em fala realista e…' })).toContain(
      'template-artifact',
    );
  });

  it('catches a rationale that only restates its option', () => {
    const rationales = [...good.rationales];
    rationales[2] = 'Amazon Translate.';
    expect(rulesFor({ ...good, rationales })).toContain('rationale-restates');
    expect(rulesFor({ ...good, rationales: good.rationales.slice(1) })).toContain('missing-explanation');
  });

  it('checks the shape of choose-THREE and matching questions', () => {
    const three = question({
      ...good,
      id: 'three',
      type: 'multi',
      stem: 'Quais serviços da AWS trabalham com fala? (Escolha TRÊS.)',
      options: ['Amazon Transcribe', 'Amazon Polly', 'Amazon Translate', 'Amazon Lex', 'Amazon Textract'],
      answers: [0, 1, 3],
    });
    expect(rulesFor(three)).not.toContain('structure');
    expect(rulesFor({ ...three, stem: 'Quais serviços trabalham com fala? (Escolha DUAS.)' })).toContain(
      'structure',
    );
    const match = question({
      ...good,
      id: 'match',
      type: 'match',
      stem: 'Associe cada necessidade ao serviço.',
      prompts: ['Transcrever chamadas', 'Ler voz alta um texto', 'Traduzir o site'],
      options: ['Amazon Transcribe', 'Amazon Polly', 'Amazon Translate', 'Amazon Lex'],
      answers: [0, 1, 2],
    });
    expect(rulesFor(match)).toEqual([]);
    expect(rulesFor({ ...match, answers: [0, 1] })).toContain('structure');
    expect(rulesFor({ ...match, answers: [0, 1, 7] })).toContain('structure');
  });

  it('catches the answer leaking into the stem', () => {
    expect(rulesFor({ ...good, stem: 'Qual serviço, o Polly, converte texto em fala?' })).toContain(
      'answer-leak',
    );
  });

  it('catches an answer that stands out by its shape', () => {
    const long = {
      ...good,
      options: [
        'Amazon Transcribe',
        'Converte texto em fala realista para aplicações com voz',
        'Amazon Translate',
        'Amazon Lex',
      ],
    };
    expect(rulesFor(long)).toContain('answer-shape');
    const hidden = {
      ...good,
      options: ['Transcreve áudio', 'O ___ converte texto', 'Traduz idiomas', 'Cria chatbots'],
    };
    expect(rulesFor(hidden)).toContain('answer-shape');
  });

  it('catches duplicate and near-duplicate options', () => {
    expect(
      rulesFor({
        ...good,
        options: ['Amazon Transcribe', 'Amazon Polly', 'amazon  transcribe', 'Amazon Lex'],
      }),
    ).toContain('duplicate-option');
    const near = {
      ...good,
      options: [
        'Converte imagens digitalizadas em texto legível',
        'Amazon Polly',
        'Converte imagens digitalizadas em texto legível.',
        'Amazon Lex',
      ],
    };
    expect(rulesFor(near)).toContain('duplicate-option');
  });

  it('catches a wrong option that also fits (overlapping services)', () => {
    const pii: Question = {
      ...good,
      stem: 'Qual serviço detecta PII?',
      options: ['Amazon Comprehend', 'Amazon Macie', 'Amazon Polly', 'Amazon Lex'],
      answers: [0],
      services: ['Amazon Comprehend'],
    };
    expect(rulesFor(pii)).toContain('multiple-answers');
  });

  it('catches text over the Discord limits', () => {
    expect(rulesFor({ ...good, stem: `Qual serviço? ${'x'.repeat(1100)}` })).toContain('too-long');
    expect(rulesFor({ ...good, explanation: 'y '.repeat(600) })).toContain('too-long');
    expect(
      rulesFor({ ...good, options: ['a'.repeat(400), 'Amazon Polly', 'Amazon Translate', 'Amazon Lex'] }),
    ).toContain('too-long');
  });

  it('catches a missing explanation or source', () => {
    expect(rulesFor({ ...good, explanation: '   ' })).toContain('missing-explanation');
    expect(rulesFor({ ...good, source: { heading: '', line: 0 } })).toContain('missing-source');
  });

  it('catches broken structure for each type', () => {
    expect(rulesFor({ ...good, options: good.options.slice(0, 3) })).toContain('structure');
    expect(
      rulesFor({ ...good, type: 'multi', options: [...good.options, 'Amazon Kendra'], answers: [1, 4] }),
    ).toContain('structure');
    expect(rulesFor({ ...good, type: 'truefalse', options: ['Sim', 'Não'], answers: [0] })).toContain(
      'structure',
    );
  });

  it('catches an order question with a wrong permutation or a wrong sequence', () => {
    const order: Question = {
      ...good,
      type: 'order',
      stem: 'Coloque na ordem.',
      options: ['Engenharia de Atributos', 'Coletar Dados', 'Treinar', 'Pré-processar Dados'],
      answers: [1, 3, 0, 2],
    };
    expect(rulesFor(order)).toEqual([]);
    expect(rulesFor({ ...order, answers: [1, 1, 0, 2] })).toContain('order-permutation');
    expect(rulesFor({ ...order, answers: [3, 1, 0, 2] })).toContain('order-permutation');
    expect(
      rulesFor({
        ...order,
        options: ['Coletar Dados', 'Pré-processar Dados', 'Engenharia de Atributos', 'Treinar'],
        answers: [0, 1, 2, 3],
      }),
    ).toContain('order-permutation');
  });

  it('catches a corrected statement and an unofficial service name', () => {
    const wrongTopP: Question = {
      ...good,
      type: 'truefalse',
      stem: 'Verdadeiro ou falso? Valores mais altos de Top P (mais próximos de 1) reduzem a aleatoriedade restringindo o conjunto de tokens apenas às escolhas mais prováveis.',
      options: ['Verdadeiro', 'Falso'],
      answers: [0],
    };
    expect(rulesFor(wrongTopP)).toContain('errata-text');
    expect(
      rulesFor({ ...good, options: ['Amazon Transcribe', 'Amazon Polly', 'AWS Rekognition', 'Amazon Lex'] }),
    ).toContain('unofficial-name');
  });

  it('catches duplicate questions', () => {
    expect(rulesFor(good, [{ ...good }])).toContain('duplicate-question');
    expect(rulesFor(good, [{ ...good, id: 'q2' }])).toContain('duplicate-question');
  });
});
