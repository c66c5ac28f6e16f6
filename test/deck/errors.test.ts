import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/deck/build';
import { loadDeckData } from '../../src/deck/data';
import { NotesError } from '../../src/deck/errors';
import { lineOf, NOTES, notesWith, writeTempNotes } from './helpers';

const FILE = 'data/notes/x.md';

function notesErrorOf(markdown: string): NotesError {
  try {
    buildDeck(markdown, { file: FILE });
  } catch (error) {
    if (error instanceof NotesError) return error;
    throw error;
  }
  throw new Error('expected a NotesError');
}

describe('broken notes', () => {
  it('an empty definition names the file, the line and the concept', () => {
    const broken = notesWith(
      '- **Definição**: As unidades básicas de texto (ex: palavras, subpalavras ou caracteres) processadas por modelos de linguagem. No contexto de LLMs, tokens representam tanto entradas (texto fornecido) quanto saídas (texto gerado).',
      '- **Definição**:',
    );
    const error = notesErrorOf(broken);
    expect(error.message).toBe(`${FILE}:${lineOf(NOTES, '### Tokens') + 1}: empty definição for "Tokens"`);
    expect(error.line).toBe(58);
  });

  it('a table row with a missing cell names its line', () => {
    const broken = notesWith(
      '| **Lote**          | EC2                 |',
      '| **Lote**          | EC2 |\n'.trimEnd().replace(' | EC2 |', ' |'),
    );
    const error = notesErrorOf(broken);
    expect(error.message).toMatch(
      new RegExp(`^${FILE}:${lineOf(NOTES, '| **Lote**')}: table row has 2 cells, expected 3`),
    );
  });

  it('a list item with no text names its line', () => {
    const broken = notesWith('- **Keyword Search**: Busca por termos exatos na consulta.', '-');
    const error = notesErrorOf(broken);
    expect(error.message).toBe(`${FILE}:${lineOf(NOTES, '- **Keyword Search**')}: list item with no text`);
  });

  it('a named item without a description names its line', () => {
    const broken = notesWith(
      '- **Amazon Polly**\n  - Converte texto em fala realista, aumentando o engajamento do usuário por meio da voz.',
      '- **Amazon Polly**',
    );
    const error = notesErrorOf(broken);
    expect(error.message).toBe(
      `${FILE}:${lineOf(NOTES, '- **Amazon Polly**')}: list item "Amazon Polly" has no description`,
    );
  });

  it('an erratum that matches nothing fails the build', () => {
    const data = loadDeckData();
    const stale = {
      ...data,
      errata: [
        ...data.errata,
        {
          id: 'stale',
          where: 'x',
          match: 'texto que não existe nas notas',
          action: 'drop' as const,
          reason: 'teste',
        },
      ],
    };
    expect(() => buildDeck(NOTES, { file: FILE, data: stale })).toThrowError(
      /erratum "stale" matches nothing/,
    );
  });

  it('the CLI prints one line without a stack trace and exits 1', () => {
    const file = writeTempNotes(notesWith('- **Keyword Search**: Busca por termos exatos na consulta.', '-'));
    const result = spawnSync('npx', ['tsx', 'src/deck/cli.ts', 'lint', '--notes', file], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/notes\.md:\d+: list item with no text$/);
    expect(result.stderr).not.toMatch(/\bat\s/);
  }, 60_000);
});
