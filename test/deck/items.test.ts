import { describe, expect, it } from 'vitest';
import { dump } from 'js-yaml';
import { loadDeckData } from '../../src/deck/data';
import { loadExamGuide } from '../../src/deck/guide';
import { loadItems, type ItemFile } from '../../src/deck/items/load';
import { ServiceRegistry } from '../../src/deck/services';
import { NOTES } from './helpers';

const context = {
  notes: NOTES,
  guide: loadExamGuide(),
  services: new ServiceRegistry(loadDeckData().services),
};
const why = (text: string) => `${text} — explicação com palavras suficientes para ensinar algo.`;

const single = {
  id: 'aif-113-test-batch',
  type: 'single',
  domain: 1,
  objectives: ['1.1.3'],
  services: ['Amazon SageMaker AI'],
  scenario: true,
  stem: 'Uma rede varejista gera previsões toda madrugada para arquivos no Amazon S3. Qual opção de inferência atende com o MENOR custo?',
  options: [
    {
      text: 'Transformação em lote',
      correct: true,
      why: why('Processa o conjunto inteiro sem endpoint permanente'),
    },
    {
      text: 'Endpoint em tempo real',
      why: why('Mantém instâncias ligadas o tempo todo, pagando por ociosidade'),
    },
    { text: 'Inferência assíncrona', why: why('Enfileira requisições grandes que chegam uma a uma') },
    { text: 'Inferência sem servidor', why: why('Serve tráfego intermitente com partida a frio') },
  ],
  sources: [{ line: 603, quote: 'Custo-efetivo para trabalhos grandes e infrequentes' }],
};

const file = (items: unknown[]): ItemFile[] => [{ file: 'data/items/test.yaml', text: dump(items) }];
const messages = (items: unknown[]) => loadItems(file(items), context).findings.map((f) => f.message);

describe('the item bank loader', () => {
  it('turns a well-made item into an exam question with its note quote at its current line', () => {
    const { questions, findings } = loadItems(file([single]), context);
    expect(findings).toEqual([]);
    const [q] = questions;
    expect(q).toMatchObject({
      id: single.id,
      tier: 'exam',
      type: 'single',
      domain: 1,
      objectives: ['1.1.3'],
    });
    expect(q!.options[q!.answers[0]!]).toBe('Transformação em lote');
    expect(q!.rationales[q!.answers[0]!]).toContain('sem endpoint permanente');
    expect(q!.sources).toEqual([{ line: 603, quote: single.sources[0]!.quote }]);
    expect(q!.services).toEqual(['Amazon SageMaker AI']);
    expect(q!.topic).toBe('Conceitos de IA e ML');
  });

  it('names file, line and id, and says what is wrong', () => {
    const broken = loadItems(
      file([single, { ...single, id: 'aif-113-second', options: single.options.slice(0, 3) }]),
      context,
    );
    expect(broken.findings).toHaveLength(1);
    expect(broken.findings[0]).toMatchObject({ file: 'data/items/test.yaml', id: 'aif-113-second' });
    expect(broken.findings[0]!.line).toBeGreaterThan(1);
    expect(messages([{ ...single, options: single.options.map((o) => ({ ...o, correct: true })) }])).toEqual([
      'item: single needs exactly 1 correct option, has 4',
    ]);
    expect(messages([single, single])).toContain('duplicate id (also in data/items/test.yaml)');
    expect(messages([{ ...single, objectives: ['2.1.1'] }])).toContain(
      'domain 1 but the main objective 2.1.1 is in domain 2',
    );
    expect(messages([{ ...single, objectives: ['1.9.9'] }])).toContain('unknown objective 1.9.9');
    expect(messages([{ ...single, sources: undefined }])).toContain(
      'item: needs sources (note line + quote), or beyond: true with doc',
    );
    expect(
      messages([{ ...single, sources: undefined, beyond: true, doc: 'https://example.com/page' }]),
    ).toContain('doc must be an AWS page: https://example.com/page');
    expect(messages([{ ...single, stem: `${single.stem} Segundo as notas, qual?` }])).toEqual([
      expect.stringContaining('talks about the notes'),
    ]);
    expect(messages([{ ...single, services: ['Amazon Imaginary'] }])).toEqual([
      expect.stringContaining('unknown service'),
    ]);
    const restating = single.options.map((o, i) =>
      i === 1 ? { ...o, why: `${o.text} ${o.text} ${o.text} ${o.text} e mais.` } : o,
    );
    expect(messages([{ ...single, options: restating }])).toEqual([expect.stringContaining('only restates')]);
  });

  it('reports a YAML syntax error with its line, and keeps the other files', () => {
    const bad: ItemFile = { file: 'data/items/bad.yaml', text: '- id: aif-113-x\n  type: [single\n' };
    const loaded = loadItems([bad, ...file([single])], context);
    expect(loaded.findings).toEqual([
      { file: 'data/items/bad.yaml', line: 3, message: expect.stringMatching(/^YAML: /) },
    ]);
    expect(loaded.questions.map((q) => q.id)).toEqual([single.id]);
  });

  it('checks multi, order and match items', () => {
    const multi = {
      ...single,
      id: 'aif-113-test-multi',
      type: 'multi',
      stem: 'Quais opções servem para previsões que podem esperar? (Escolha DUAS.)',
      options: [
        ...single.options.map((o, i) => ({ ...o, correct: i < 2 })),
        { text: 'Outra opção', why: why('Mais uma') },
      ],
    };
    expect(messages([multi])).toEqual([]);
    expect(messages([{ ...multi, stem: multi.stem.replace('DUAS', 'TRÊS') }])).toEqual([
      'item: multi stem must end with "(Escolha DUAS.)"',
    ]);
    const order = {
      ...single,
      id: 'aif-113-test-order',
      type: 'order',
      options: undefined,
      steps: ['Coletar dados', 'Treinar', 'Implantar'].map((t) => ({ text: t, why: why(`Etapa ${t}`) })),
    };
    const { questions } = loadItems(file([order]), context);
    const q = questions[0]!;
    expect(q.answers.map((a) => q.options[a])).toEqual(['Coletar dados', 'Treinar', 'Implantar']);
    expect(q.answers).not.toEqual([0, 1, 2]); // shown shuffled
    const match = {
      ...single,
      id: 'aif-113-test-match',
      type: 'match',
      prompts: [
        { text: 'Previsões toda madrugada', answer: 'Lote' },
        { text: 'Resposta em milissegundos', answer: 'Tempo real' },
        { text: 'Cargas grandes em fila', answer: 'Assíncrona' },
      ],
      options: ['Lote', 'Tempo real', 'Assíncrona', 'Sem servidor'].map((t) => ({
        text: t,
        why: why(`Opção ${t}`),
      })),
    };
    const built = loadItems(file([match]), context).questions[0]!;
    expect(built.prompts).toEqual(match.prompts.map((p) => p.text));
    expect(built.answers.map((a) => built.options[a])).toEqual(['Lote', 'Tempo real', 'Assíncrona']);
    expect(
      messages([{ ...match, prompts: [...match.prompts.slice(0, 2), { text: 'x', answer: 'Nenhuma' }] }]),
    ).toEqual(['item: prompt answer "Nenhuma" is not an option text']);
  });

  it('finds a quote that moved, and reports one that is gone or corrected', () => {
    const moved = loadItems(file([single]), { ...context, notes: `linha nova\n\n${NOTES}` });
    expect(moved.questions[0]!.sources[0]!.line).toBe(605);
    expect(moved.findings).toEqual([]);
    const gone = loadItems(file([single]), {
      ...context,
      notes: NOTES.replace(single.sources[0]!.quote, 'outro texto'),
    });
    expect(gone.findings.map((f) => f.message)).toEqual([
      `source passage no longer in the notes (was line 603): "${single.sources[0]!.quote}"`,
    ]);
    const corrected = loadItems(file([single]), {
      ...context,
      corrected: NOTES.replace(single.sources[0]!.quote, 'texto corrigido'),
    });
    expect(corrected.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('quotes a passage the errata correct or drop'),
    ]);
  });
});
