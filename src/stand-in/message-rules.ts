import { isObject } from './json';
import type { Json } from './json';
import { emptyMessage, invalidFormBody } from './errors';
import type { DiscordError, FormIssue } from './errors';

// Discord's limits on a message body, checked the way the API does so tests catch what production would
// reject. Builders check single fields but not totals (6000 chars across embeds, duplicate custom_ids...).

export const EPHEMERAL = 64;
export const LOADING = 128;
export const IS_COMPONENTS_V2 = 1 << 15;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function tooLong(issues: FormIssue[], path: FormIssue['path'], value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function tooMany(issues: FormIssue[], path: FormIssue['path'], value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

/** Total characters Discord counts against the 6000 limit for one embed. */
export function embedLength(embed: Json): number {
  const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
  return (
    text(embed.title).length +
    text(embed.description).length +
    fields.reduce((n, f) => n + text(f.name).length + text(f.value).length, 0) +
    (isObject(embed.footer) ? text(embed.footer.text).length : 0) +
    (isObject(embed.author) ? text(embed.author.name).length : 0)
  );
}

function checkEmbeds(issues: FormIssue[], embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  tooMany(issues, ['embeds'], embeds, 10);
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    tooLong(issues, ['embeds', i, 'title'], embed.title, 256);
    tooLong(issues, ['embeds', i, 'description'], embed.description, 4096);
    tooMany(issues, ['embeds', i, 'fields'], embed.fields, 25);
    if (Array.isArray(embed.fields)) {
      (embed.fields as unknown[]).forEach((field, j) => {
        if (!isObject(field)) return;
        tooLong(issues, ['embeds', i, 'fields', j, 'name'], field.name, 256);
        tooLong(issues, ['embeds', i, 'fields', j, 'value'], field.value, 1024);
        if (!text(field.name) || !text(field.value)) {
          issues.push({
            path: ['embeds', i, 'fields', j],
            code: 'BASE_TYPE_REQUIRED',
            message: 'Field name and value are required.',
          });
        }
      });
    }
    if (isObject(embed.footer)) tooLong(issues, ['embeds', i, 'footer', 'text'], embed.footer.text, 2048);
    if (isObject(embed.author)) tooLong(issues, ['embeds', i, 'author', 'name'], embed.author.name, 256);
    total += embedLength(embed);
  });
  if (total > 6000) {
    issues.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  }
}

function checkInteractive(
  issues: FormIssue[],
  path: FormIssue['path'],
  c: Json,
  customIds: Set<string>,
): void {
  if ('custom_id' in c) {
    const id = text(c.custom_id);
    if (id.length < 1 || id.length > 100) {
      issues.push({
        path: [...path, 'custom_id'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
    if (customIds.has(id)) {
      issues.push({
        path: [...path, 'custom_id'],
        code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
        message: 'Component custom id cannot be duplicated',
      });
    }
    customIds.add(id);
  }
  if (c.type === 2) {
    tooLong(issues, [...path, 'label'], c.label, 80);
    const isLink = c.style === 5;
    const isPremium = c.style === 6;
    if (!isLink && !isPremium && !('custom_id' in c)) {
      issues.push({
        path: [...path, 'custom_id'],
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
    }
    if (isLink && !c.url) {
      issues.push({ path: [...path, 'url'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
  }
  if (c.type === 3) {
    tooLong(issues, [...path, 'placeholder'], c.placeholder, 150);
    tooMany(issues, [...path, 'options'], c.options, 25);
    if (Array.isArray(c.options)) {
      (c.options as unknown[]).forEach((o, k) => {
        if (!isObject(o)) return;
        tooLong(issues, [...path, 'options', k, 'label'], o.label, 100);
        tooLong(issues, [...path, 'options', k, 'value'], o.value, 100);
        tooLong(issues, [...path, 'options', k, 'description'], o.description, 100);
      });
    }
  }
}

function checkLegacyComponents(issues: FormIssue[], components: unknown[]): void {
  tooMany(issues, ['components'], components, 5);
  const customIds = new Set<string>();
  components.forEach((row, i) => {
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) {
      issues.push({
        path: ['components', i],
        code: 'UNION_TYPE_CHOICES',
        message: 'Top-level components must be action rows unless the message has IS_COMPONENTS_V2.',
      });
      return;
    }
    const children = row.components as unknown[];
    const selects = children.filter((c) => isObject(c) && c.type !== 2).length;
    if (children.length < 1 || children.length > 5 || (selects > 0 && children.length > 1)) {
      issues.push({
        path: ['components', i, 'components'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'An action row holds 1 to 5 buttons or exactly one select menu.',
      });
    }
    children.forEach((c, j) => {
      if (isObject(c)) checkInteractive(issues, ['components', i, 'components', j], c, customIds);
    });
  });
}

function checkComponentsV2(issues: FormIssue[], body: Json): void {
  if (text(body.content) || (Array.isArray(body.embeds) && body.embeds.length > 0)) {
    issues.push({
      path: ['content'],
      code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      message: 'The content and embeds fields cannot be used when using IS_COMPONENTS_V2',
    });
  }
  let count = 0;
  let chars = 0;
  const customIds = new Set<string>();
  const walk = (c: unknown, path: FormIssue['path']): void => {
    if (!isObject(c)) return;
    count += 1;
    if (c.type === 10) chars += text(c.content).length;
    checkInteractive(issues, path, c, customIds);
    if (Array.isArray(c.components))
      (c.components as unknown[]).forEach((x, i) => walk(x, [...path, 'components', i]));
    if (isObject(c.accessory)) walk(c.accessory, [...path, 'accessory']);
  };
  (body.components as unknown[]).forEach((c, i) => walk(c, ['components', i]));
  if (count > 40) {
    issues.push({
      path: ['components'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 40 or fewer in length.',
    });
  }
  if (chars > 4000) {
    issues.push({
      path: ['components'],
      code: 'MAX_COMPONENT_TEXT_EXCEEDED',
      message: 'Total text across text displays must be 4000 or fewer characters.',
    });
  }
}

/**
 * Checks a create or edit body. `merged` is the message state after applying the body (for edits), used for
 * the "empty message" rule. Returns Discord's error, or null when the body is acceptable.
 */
export function checkMessageBody(body: Json, merged: { hasContent: boolean }): DiscordError | null {
  const issues: FormIssue[] = [];
  tooLong(issues, ['content'], body.content, 2000);
  checkEmbeds(issues, body.embeds);
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (Array.isArray(body.components)) {
    if (flags & IS_COMPONENTS_V2) checkComponentsV2(issues, body);
    else checkLegacyComponents(issues, body.components);
  }
  if (issues.length) return invalidFormBody(issues);
  if (!merged.hasContent) return emptyMessage();
  return null;
}

/** Whether a message (state) shows anything: Discord refuses to send or leave an empty one. */
export function hasVisibleContent(m: {
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
}): boolean {
  return (
    m.content.trim().length > 0 || m.embeds.length > 0 || m.components.length > 0 || m.attachments.length > 0
  );
}

/** Checks the body of a new message (send, reply, follow-up). */
export function checkNewMessage(body: Json, files: unknown[]): DiscordError | null {
  return checkMessageBody(body, {
    hasContent: hasVisibleContent({
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: files,
    }),
  });
}
