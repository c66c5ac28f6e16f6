import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyErrata } from '../../src/deck/errata';
import { loadDeckData } from '../../src/deck/data';
import { OverlapIndex } from '../../src/deck/overlaps';
import { normalize } from '../../src/deck/text';
import type { Question } from '../../src/deck/types';
import { NOTES, shippedDeck } from './helpers';

/** Everything a question asserts as true: the stem of a "true" statement and the right options. */
function assertedTrue(q: Question): string {
  if (q.type === 'truefalse') return q.answers[0] === 0 ? q.stem : '';
  return [q.stem, ...q.answers.map((a) => q.options[a] ?? '')].join(' ');
}

describe('errata', () => {
  const { deck, meta } = shippedDeck();
  const everything = normalize(
    JSON.stringify(deck.questions) + JSON.stringify(deck.services.map((s) => [s.summary, s.examTip])),
  );

  it('every erratum matches the shipped notes and rests on an AWS page', () => {
    for (const erratum of loadDeckData().errata) {
      expect(NOTES.includes(erratum.match), erratum.id).toBe(true);
      expect(erratum.source, erratum.id).toMatch(
        /^https:\/\/([a-z0-9-]+\.)*(amazon\.com|amazonaws\.cn|aws|github\.com)\.?\//,
      );
    }
  });

  it('marks the services closed to new customers, and the v1.1 names', () => {
    const summary = (name: string) => deck.services.find((s) => s.name === name);
    for (const name of [
      'Amazon SageMaker Clarify',
      'Amazon SageMaker Ground Truth',
      'Amazon SageMaker Model Monitor',
      'Amazon Augmented AI (Amazon A2I)',
      'Amazon Fraud Detector',
    ]) {
      const card = summary(name);
      expect(card, name).toBeDefined();
      expect(`${card!.summary} ${card!.examTip}`, name).toMatch(/novos clientes/);
    }
    expect(summary('Amazon SageMaker AI')?.aliases).toContain('Amazon SageMaker');
    expect(everything).not.toContain(normalize('Necessário para modelos personalizados ou ajustados'));
    expect(everything).not.toContain(normalize('suportando dados vetorizados em bancos de dados de grafo'));
  });

  it('never drills "higher top P reduces randomness" as true', () => {
    const topP = deck.questions.filter((q) => /top.?p/i.test(q.stem + q.options.join(' ')));
    expect(topP.length).toBeGreaterThan(0);
    for (const q of topP) {
      const claim = normalize(assertedTrue(q));
      expect(claim).not.toMatch(/mais altos de top p.*reduzem a aleatoriedade/);
      expect(claim).not.toContain('1 e menos aleatorio');
    }
    expect(everything).not.toContain('1 e menos aleatorio');
    expect(everything).toContain(
      normalize('valores mais altos (mais próximos de 1) ampliam o conjunto e aumentam a diversidade'),
    );
  });

  it('drops or corrects the other false statements', () => {
    expect(everything).not.toContain('instancias ecr');
    expect(everything).not.toContain('midjourney');
    expect(everything).not.toContain(normalize('implantadas no Lambda (para Inferência Sem Servidor)'));
    expect(everything).not.toContain(normalize('detecta e anonimiza dados de PII'));
    expect(everything).not.toContain(normalize('Top K não é um parâmetro muito útil'));
    expect(everything).not.toContain(normalize('Agora chamado MLflow'));
    const serverless = deck.questions.filter(
      (q) => q.stem.includes('“Serverless”') && q.stem.includes('Implantado Em'),
    );
    for (const q of serverless) expect(normalize(assertedTrue(q))).not.toMatch(/\blambda\b/);
  });

  it('shows only official service names', () => {
    const misnomers = loadDeckData().services.flatMap((s) => s.misnomers);
    // Aliases list the wrong names on purpose (so /service finds them); everything shown must not.
    // Source quotes are the notes' own words, kept verbatim so they can be found: everything else counts.
    const shown = deck.questions.map((q) => ({ ...q, sources: [] }));
    const raw = JSON.stringify([shown, deck.services.map((s) => ({ ...s, aliases: [] }))]);
    for (const name of misnomers) {
      expect(raw, name).not.toMatch(new RegExp(`(?<![A-Za-z])${name.replace(/[()]/g, '\\$&')}(?![A-Za-z])`));
    }
    const rekognition = deck.services.find((s) => s.name === 'Amazon Rekognition');
    expect(rekognition?.aliases).toContain('AWS Rekognition');
  });

  it('marks Amazon Forecast as closed to new customers', () => {
    const forecast = deck.services.find((s) => s.name === 'Amazon Forecast');
    expect(forecast?.summary).toMatch(/novos clientes/);
  });

  it('never offers an overlapping service as a wrong option', () => {
    const overlaps = new OverlapIndex(loadDeckData().overlaps);
    let checked = 0;
    for (const q of deck.questions) {
      const m = meta.get(q.id);
      if (!m?.exclusive) continue;
      for (const a of q.answers) {
        m.optionEntities.forEach((entity, i) => {
          if (q.answers.includes(i)) return;
          checked++;
          expect(overlaps.overlap(m.optionEntities[a] ?? '', entity), `${q.id}: ${entity}`).toBe(false);
        });
      }
    }
    expect(checked).toBeGreaterThan(200);
    // Generated questions only: hand-written items decide between such services by the scenario.
    for (const q of deck.questions.filter((x) => x.type === 'single' && x.tier === 'drill')) {
      const answer = q.options[q.answers[0] ?? 0];
      if (answer === 'Amazon Comprehend') expect(q.options).not.toContain('Amazon Macie');
      if (answer === 'Amazon Macie') expect(q.options).not.toContain('Amazon Comprehend');
      if (answer === 'Amazon SageMaker Ground Truth')
        expect(q.options).not.toContain('Amazon Augmented AI (Amazon A2I)');
      if (answer === 'Amazon Augmented AI (Amazon A2I)')
        expect(q.options).not.toContain('Amazon SageMaker Ground Truth');
    }
  });
});

describe('errata that drop text', () => {
  it('dropping a table row keeps the rest of the table', () => {
    const { facts } = shippedDeck();
    const rows = new Set(
      facts.facts.filter((f) => f.table?.title === 'Modelos de IA Generativa').map((f) => f.name),
    );
    expect(rows.has('Aprendizado por Reforço para Tarefas Generativas')).toBe(false);
    expect(rows.has('Difusão')).toBe(true);
    expect(rows.has('Modelos Baseados em Fluxo')).toBe(true);
  });
});

describe('errata belong to the notes they were written for', () => {
  const errata = loadDeckData().errata;

  it('are not applied to notes of another subject, and say so', () => {
    const other = readFileSync(join(import.meta.dirname, '../fixtures/notes/networking.pt-BR.md'), 'utf8');
    const result = applyErrata(other, errata, 'networking.md');
    expect(result).toEqual({ markdown: other, applied: [], applies: false });
  });

  it('still fail the build on their own notes when one of their texts has gone', () => {
    const [first] = errata;
    const edited = NOTES.split(first!.match).join('texto reescrito');
    expect(() => applyErrata(edited, errata, 'notes.md')).toThrow(`erratum "${first!.id}" matches nothing`);
  });
});
