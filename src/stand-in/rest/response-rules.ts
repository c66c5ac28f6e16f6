import { invalidFormBody } from '../errors';
import { isObject } from '../json';
import type { DiscordError, FormIssue } from '../errors';
import type { Json } from '../json';

// Discord's limits on autocomplete results (type 8) and modals (type 9).

export function checkAutocomplete(data: Json): DiscordError | null {
  const choices = Array.isArray(data.choices) ? (data.choices as unknown[]) : [];
  const issues: FormIssue[] = [];
  if (choices.length > 25) {
    issues.push({
      path: ['data', 'choices'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  }
  for (const [i, c] of choices.entries()) {
    if (!isObject(c)) continue;
    const name = typeof c.name === 'string' ? c.name : '';
    if (name.length < 1 || name.length > 100) {
      issues.push({
        path: ['data', 'choices', i, 'name'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
    if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100)) {
      issues.push({
        path: ['data', 'choices', i, 'value'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
  }
  return issues.length ? invalidFormBody(issues) : null;
}

export function checkModal(data: Json): DiscordError | null {
  const issues: FormIssue[] = [];
  const title = typeof data.title === 'string' ? data.title : '';
  if (title.length < 1 || title.length > 45) {
    issues.push({
      path: ['data', 'title'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 45 in length.',
    });
  }
  const customId = typeof data.custom_id === 'string' ? data.custom_id : '';
  if (customId.length < 1 || customId.length > 100) {
    issues.push({
      path: ['data', 'custom_id'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 100 in length.',
    });
  }
  const components = Array.isArray(data.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) {
    issues.push({
      path: ['data', 'components'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 5 in length.',
    });
  }
  return issues.length ? invalidFormBody(issues) : null;
}
