import type { LintFinding } from './lint-types';

/** The notes file is malformed: the message names the file and, when known, the line. */
export class NotesError extends Error {
  override name = 'NotesError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
  }
}

/** The deck was built but the lint found defects in it. */
export class DeckLintError extends Error {
  override name = 'DeckLintError';
  constructor(readonly findings: LintFinding[]) {
    const first = findings
      .slice(0, 5)
      .map((f) => `${f.rule} ${f.questionId ?? ''}: ${f.message}`)
      .join('; ');
    super(`deck lint: ${findings.length} finding(s): ${first}`);
  }
}
