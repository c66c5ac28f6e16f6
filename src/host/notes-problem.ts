import { resolve } from 'node:path';
import { DeckLintError, NotesError } from '../deck/errors';
import { StartupError } from './startup-error';

/** Why the notes could not become a deck, naming NOTES_PATH when the host set it. */
export function notesProblem(notesPath: string | undefined, error: unknown): StartupError {
  const which = notesPath ? `NOTES_PATH (${resolve(notesPath)})` : 'The shipped notes';
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return new StartupError(`${which}: no such file.`, 'notes', { cause: error });
  if (code === 'EISDIR')
    return new StartupError(`${which} is a folder: point it at a Markdown file.`, 'notes', { cause: error });
  if (code === 'EACCES')
    return new StartupError(`${which} cannot be read: permission denied.`, 'notes', { cause: error });
  if (error instanceof NotesError || error instanceof DeckLintError)
    return new StartupError(
      `${which} could not be built into a deck: ${error.message}. ` +
        'Check it with `npm run deck -- lint --notes <file>`; the notes format is in README.md.',
      'notes',
      { cause: error },
    );
  return new StartupError(
    `${which} could not be built into a deck: ${error instanceof Error ? error.message : String(error)}`,
    'notes',
    { cause: error },
  );
}
