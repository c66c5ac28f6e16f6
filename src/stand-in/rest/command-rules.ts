import { isObject } from '../json';
import { invalidFormBody } from '../errors';
import type { DiscordError, FormIssue } from '../errors';

// Discord's checks on application command definitions (names, descriptions, counts).

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(issues: FormIssue[], path: FormIssue['path'], name: unknown): void {
  if (typeof name !== 'string' || !NAME.test(name) || name !== name.toLowerCase()) {
    issues.push({
      path,
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: `Command name is invalid: ${JSON.stringify(name)}`,
    });
  }
}

function checkDescription(issues: FormIssue[], path: FormIssue['path'], description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    issues.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
}

function checkLocalizations(
  issues: FormIssue[],
  path: FormIssue['path'],
  value: unknown,
  isName: boolean,
): void {
  if (!isObject(value)) return;
  for (const [locale, text] of Object.entries(value)) {
    if (isName) checkName(issues, [...path, locale], text);
    else checkDescription(issues, [...path, locale], text);
  }
}

function checkOptions(issues: FormIssue[], path: FormIssue['path'], options: unknown): void {
  if (!Array.isArray(options)) return;
  if (options.length > 25) {
    issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  const names = new Set<string>();
  options.forEach((option, i) => {
    if (!isObject(option)) return;
    checkName(issues, [...path, i, 'name'], option.name);
    checkDescription(issues, [...path, i, 'description'], option.description);
    checkLocalizations(issues, [...path, i, 'name_localizations'], option.name_localizations, true);
    checkLocalizations(
      issues,
      [...path, i, 'description_localizations'],
      option.description_localizations,
      false,
    );
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        issues.push({
          path: [...path, i, 'name'],
          code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          message: 'Option names must be unique',
        });
      }
      names.add(option.name);
    }
    if (Array.isArray(option.choices) && option.choices.length > 25) {
      issues.push({
        path: [...path, i, 'choices'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length > 0) {
      issues.push({
        path: [...path, i, 'autocomplete'],
        code: 'APPLICATION_COMMAND_AUTOCOMPLETE_INCOMPATIBLE_WITH_CHOICES',
        message: 'Autocomplete cannot be set with choices',
      });
    }
    checkOptions(issues, [...path, i, 'options'], option.options);
  });
}

/** Checks a PUT body (array of commands); null when Discord would accept it. */
export function checkCommands(commands: unknown): DiscordError | null {
  if (!Array.isArray(commands)) {
    return invalidFormBody([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  }
  const issues: FormIssue[] = [];
  if (commands.length > 100) {
    issues.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  }
  const names = new Set<string>();
  commands.forEach((command, i) => {
    if (!isObject(command)) return;
    const chatInput = command.type === undefined || command.type === 1;
    if (chatInput) {
      checkName(issues, [i, 'name'], command.name);
      checkDescription(issues, [i, 'description'], command.description);
      checkLocalizations(issues, [i, 'name_localizations'], command.name_localizations, true);
      checkLocalizations(issues, [i, 'description_localizations'], command.description_localizations, false);
      checkOptions(issues, [i, 'options'], command.options);
    }
    const key = `${String(command.type ?? 1)}:${String(command.name)}`;
    if (names.has(key)) {
      issues.push({
        path: [i, 'name'],
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: 'Application command names must be unique',
      });
    }
    names.add(key);
  });
  return issues.length ? invalidFormBody(issues) : null;
}
