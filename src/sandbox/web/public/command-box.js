// The slash-command box: parses "/quiz start questions:3 topic:Bedrock", suggests commands, subcommands,
// options and their values (choices, members, channels, and the bot's own autocomplete), and builds the
// interaction's options as Discord sends them.

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const TYPES = { string: 3, integer: 4, boolean: 5, user: 6, channel: 7, role: 8, mentionable: 9, number: 10 };

function localized(item, field, locale) {
  return item[`${field}_localizations`]?.[locale] ?? item[field] ?? '';
}

/** The command or option called `word`: its name, or its pt-BR name as Brazilian members see it. */
function named(list, word) {
  return list.find(
    (item) => item.name === word || Object.values(item.name_localizations ?? {}).includes(word),
  );
}

/** Splits the text into command path, options typed so far, and what is being typed now. */
export function parseCommandText(text, commands) {
  if (!text.startsWith('/')) return null;
  const body = text.slice(1);
  const firstSpace = body.indexOf(' ');
  if (firstSpace === -1) return { stage: 'command', partial: body };
  const command = named(commands, body.slice(0, firstSpace));
  if (!command) return { stage: 'unknown', name: body.slice(0, firstSpace) };
  let rest = body.slice(firstSpace + 1);
  const path = [];
  let optionDefs = command.options ?? [];
  while (optionDefs.some((o) => o.type === SUB_COMMAND || o.type === SUB_COMMAND_GROUP)) {
    const space = rest.indexOf(' ');
    if (space === -1) return { stage: 'subcommand', command, path, partial: rest, choices: optionDefs };
    const sub = named(optionDefs, rest.slice(0, space));
    if (!sub) return { stage: 'unknown', name: rest.slice(0, space) };
    path.push(sub);
    optionDefs = sub.options ?? [];
    rest = rest.slice(space + 1);
  }
  // name:value pairs; a value runs until the next " name:".
  const endsWithSpace = /\s$/.test(rest);
  const tokens = rest.trim() ? rest.trim().split(/\s+(?=[\w-]+:)/) : [];
  const pairs = [];
  let typingName = null;
  tokens.forEach((token, i) => {
    const match = /^([\w-]+):(.*)$/s.exec(token);
    if (match) pairs.push({ name: match[1], value: match[2] });
    else if (i === tokens.length - 1) typingName = token;
  });
  const last = pairs.at(-1);
  let editing;
  if (typingName !== null) editing = { kind: 'name', partial: typingName };
  else if (last && !endsWithSpace) editing = { kind: 'value', name: last.name, partial: last.value };
  else editing = { kind: 'name', partial: '' };
  return { stage: 'options', command, path, optionDefs, pairs, editing };
}

function coerce(def, raw, world) {
  const value = raw.trim();
  switch (def.type) {
    case TYPES.integer: {
      if (!/^-?\d+$/.test(value)) throw new Error(world.text.notInteger(def.name));
      return Number(value);
    }
    case TYPES.number: {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) throw new Error(world.text.notNumber(def.name));
      return n;
    }
    case TYPES.boolean:
      return /^(true|sim|yes|verdadeiro)$/i.test(value);
    case TYPES.user:
    case TYPES.mentionable: {
      const member = world.memberByName(value.replace(/^@/, ''));
      if (!member) throw new Error(world.text.noMember(value));
      return member.id;
    }
    case TYPES.channel: {
      const channel = world.channelByName(value.replace(/^#/, ''));
      if (!channel) throw new Error(world.text.noChannel(value));
      return channel.id;
    }
    default: {
      const choice = def.choices?.find((c) => c.name === value || String(c.value) === value);
      return choice ? choice.value : value;
    }
  }
}

/** The interaction options for a complete command line, or an Error saying what is missing. */
export function buildOptions(parsed, world) {
  const leaf = parsed.pairs.map((pair) => {
    const def = named(parsed.optionDefs, pair.name);
    if (!def) throw new Error(world.text.unknownOption(pair.name));
    return { name: def.name, type: def.type, value: coerce(def, pair.value, world) };
  });
  const missing = parsed.optionDefs.filter((o) => o.required && !leaf.some((l) => l.name === o.name));
  if (missing.length) throw new Error(world.text.missing(missing.map((o) => o.name).join(', ')));
  return parsed.path.reduceRight((inner, sub) => [{ name: sub.name, type: sub.type, options: inner }], leaf);
}

/** The options with the one being typed marked `focused`, for an autocomplete interaction. */
export function focusedOptions(parsed) {
  const leaf = parsed.pairs.map((pair, i) => {
    const def = named(parsed.optionDefs, pair.name);
    const focused = i === parsed.pairs.length - 1;
    return {
      name: def?.name ?? pair.name,
      type: def?.type ?? TYPES.string,
      value: focused ? pair.value : def?.type === TYPES.integer ? Number(pair.value) || 0 : pair.value.trim(),
      ...(focused ? { focused: true } : {}),
    };
  });
  return parsed.path.reduceRight((inner, sub) => [{ name: sub.name, type: sub.type, options: inner }], leaf);
}

/** Suggestions for the current state: { label, description, insert } (insert replaces the text). */
export async function suggest(text, commands, world, fetchAutocomplete) {
  const parsed = parseCommandText(text, commands);
  if (!parsed) return [];
  const locale = world.locale;
  if (parsed.stage === 'command') {
    return commands
      .filter(
        (c) => c.name.startsWith(parsed.partial) || localized(c, 'name', locale).startsWith(parsed.partial),
      )
      .map((c) => ({
        label: `/${c.name}`,
        description: localized(c, 'description', locale),
        insert: `/${c.name} `,
      }));
  }
  if (parsed.stage === 'subcommand') {
    const prefix = `/${[parsed.command.name, ...parsed.path.map((p) => p.name)].join(' ')} `;
    return parsed.choices
      .filter((o) => o.name.startsWith(parsed.partial))
      .map((o) => ({
        label: `${prefix}${o.name}`,
        description: localized(o, 'description', locale),
        insert: `${prefix}${o.name} `,
      }));
  }
  if (parsed.stage !== 'options') return [];
  const { editing } = parsed;
  const base = text.slice(0, text.length - editing.partial.length);
  if (editing.kind === 'name') {
    const used = new Set(parsed.pairs.map((p) => named(parsed.optionDefs, p.name)?.name ?? p.name));
    return parsed.optionDefs
      .filter((o) => !used.has(o.name) && o.name.startsWith(editing.partial))
      .map((o) => ({
        label: `${o.name}:`,
        required: o.required === true,
        description: localized(o, 'description', locale),
        insert: `${base}${o.name}:`,
      }));
  }
  const def = named(parsed.optionDefs, editing.name);
  if (!def) return [];
  const partial = editing.partial.toLowerCase();
  let values = [];
  let hint = null;
  if (def.autocomplete) {
    const choices = await fetchAutocomplete(parsed.command.name, focusedOptions(parsed));
    values = choices.map((c) => ({ name: c.name, value: String(c.value) }));
  } else if (def.choices?.length) {
    values = def.choices
      .map((c) => ({ name: localized(c, 'name', locale), value: String(c.value) }))
      .filter((c) => c.name.toLowerCase().includes(partial) || c.value.toLowerCase().includes(partial));
  } else if (def.type === TYPES.boolean) {
    values = [
      { name: 'True', value: 'true' },
      { name: 'False', value: 'false' },
    ];
  } else if (def.type === TYPES.user || def.type === TYPES.mentionable) {
    values = world.allMembers
      .filter((m) => m.username.startsWith(partial.replace(/^@/, '')))
      .map((m) => ({ name: `@${m.username}`, value: m.username }));
  } else if (def.type === TYPES.channel) {
    values = world.channels.map((c) => ({ name: `#${c.name}`, value: c.name }));
  } else {
    const range = [def.min_value, def.max_value].some((v) => v !== undefined)
      ? ` (${def.min_value ?? '…'}–${def.max_value ?? '…'})`
      : '';
    hint = {
      label: `${def.name}:`,
      description: `${localized(def, 'description', locale)}${range}`,
      insert: null,
    };
  }
  const suggestions = values.map((v) => ({ label: v.name, description: '', insert: `${base}${v.value} ` }));
  if (hint) suggestions.push(hint);
  // "questions:3 top": after a space the last word may be the next option's name.
  const lastWord = /\s(\S+)$/.exec(editing.partial)?.[1];
  if (lastWord) {
    const used = new Set(parsed.pairs.map((p) => named(parsed.optionDefs, p.name)?.name ?? p.name));
    const head = text.slice(0, text.length - lastWord.length);
    for (const o of parsed.optionDefs.filter((o) => !used.has(o.name) && o.name.startsWith(lastWord)))
      suggestions.unshift({
        label: `${o.name}:`,
        description: localized(o, 'description', locale),
        insert: `${head}${o.name}:`,
      });
  }
  return suggestions;
}
