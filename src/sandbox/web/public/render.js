// Renders the bot's messages as Discord shows them: markdown, mentions, embeds, buttons and selects.
// Plain browser JavaScript (no build step); the server sends messages as Discord's API would.

const AVATAR_COLOURS = ['#5865f2', '#57f287', '#eb459e', '#fee75c', '#ed4245', '#3ba55c', '#faa61a'];

export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

export function avatar(name, id, small = false) {
  const colour = AVATAR_COLOURS[Number(BigInt(id || '0') % BigInt(AVATAR_COLOURS.length))];
  const initials =
    name
      .replace(/[^A-Za-zÀ-ú]/g, '')
      .slice(0, 2)
      .toUpperCase() || '?';
  return `<div class="avatar${small ? ' small' : ''}" style="background:${colour}">${initials}</div>`;
}

function formatTimestamp(seconds, style, locale) {
  const date = new Date(seconds * 1000);
  if (style === 'R') return relativeTime(date, locale);
  const options = {
    t: { timeStyle: 'short' },
    T: { timeStyle: 'medium' },
    d: { dateStyle: 'short' },
    D: { dateStyle: 'long' },
    F: { dateStyle: 'full', timeStyle: 'short' },
  }[style] ?? { dateStyle: 'long', timeStyle: 'short' };
  return date.toLocaleString(locale, options);
}

export function relativeTime(date, locale) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}

/** Inline markdown on already-escaped text. */
function inline(text, world) {
  const codes = [];
  let html = text.replace(/`([^`\n]+)`/g, (_, code) => {
    codes.push(code);
    return `\uE000${codes.length - 1}\uE000`;
  });
  html = html
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>')
    .replace(/\*\*\*(.+?)\*\*\*/g, '<strong><em>$1</em></strong>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/__(.+?)__/g, '<u>$1</u>')
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~~(.+?)~~/g, '<s>$1</s>')
    .replace(/\|\|(.+?)\|\|/g, '<span class="spoiler">$1</span>')
    .replace(
      /&lt;@!?(\d+)&gt;/g,
      (_, id) => `<span class="mention">@${escapeHtml(world.userName(id))}</span>`,
    )
    .replace(/&lt;@&amp;(\d+)&gt;/g, '<span class="mention">@cargo</span>')
    .replace(
      /&lt;#(\d+)&gt;/g,
      (_, id) => `<span class="mention">#${escapeHtml(world.channelName(id))}</span>`,
    )
    .replace(/&lt;\/([\w -]+):\d+&gt;/g, '<span class="mention">/$1</span>')
    .replace(/&lt;a?:(\w+):\d+&gt;/g, ':$1:')
    .replace(
      /&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g,
      (_, seconds, style) =>
        `<span class="timestamp" data-ts="${seconds}" data-style="${style ?? 'f'}">${escapeHtml(
          formatTimestamp(Number(seconds), style ?? 'f', world.locale),
        )}</span>`,
    )
    .replace(/(^|\s)(https?:\/\/[^\s<]+)/g, '$1<a href="$2" target="_blank" rel="noreferrer">$2</a>');
  return html.replace(/\uE000(\d+)\uE000/g, (_, i) => `<code>${codes[Number(i)]}</code>`);
}

/** Discord's markdown subset: headings, -# subtext, quotes, lists, code blocks, inline styles, mentions. */
export function markdown(source, world) {
  const parts = String(source ?? '').split(/```/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) {
        const body = part.replace(/^[\w-]*\n/, '');
        return `<pre><code>${escapeHtml(body)}</code></pre>`;
      }
      return escapeHtml(part)
        .split('\n')
        .map((line) => {
          const heading = /^(#{1,3}) (.*)$/.exec(line);
          if (heading) return `<h${heading[1].length}>${inline(heading[2], world)}</h${heading[1].length}>`;
          const sub = /^-# (.*)$/.exec(line);
          if (sub) return `<span class="subtext">${inline(sub[1], world)}</span>`;
          const quote = /^&gt; ?(.*)$/.exec(line);
          if (quote) return `<blockquote>${inline(quote[1], world)}</blockquote>`;
          const item = /^(\s*)[-*] (.*)$/.exec(line);
          if (item) return `${item[1]}• ${inline(item[2], world)}`;
          return inline(line, world);
        })
        .join('\n')
        .replace(/<\/(h\d|blockquote)>\n/g, '</$1>');
    })
    .join('');
}

function colourOf(embed) {
  return typeof embed.color === 'number' ? `#${embed.color.toString(16).padStart(6, '0')}` : '#1e1f22';
}

export function renderEmbed(embed, world) {
  const parts = [];
  if (embed.author?.name) parts.push(`<div class="embed-author">${escapeHtml(embed.author.name)}</div>`);
  if (embed.title) {
    const title = inline(escapeHtml(embed.title), world);
    parts.push(
      `<div class="embed-title">${
        embed.url ? `<a href="${escapeHtml(embed.url)}" target="_blank" rel="noreferrer">${title}</a>` : title
      }</div>`,
    );
  }
  if (embed.description)
    parts.push(`<div class="embed-description">${markdown(embed.description, world)}</div>`);
  if (embed.fields?.length) {
    const fields = embed.fields
      .map(
        (f) =>
          `<div class="embed-field${f.inline ? ' inline' : ''}"><div class="embed-field-name">${inline(
            escapeHtml(f.name),
            world,
          )}</div><div class="embed-field-value">${markdown(f.value, world)}</div></div>`,
      )
      .join('');
    parts.push(`<div class="embed-fields">${fields}</div>`);
  }
  if (embed.image?.url) parts.push(`<img class="embed-image" alt="" src="${escapeHtml(embed.image.url)}" />`);
  const footer = [
    embed.footer?.text,
    embed.timestamp ? new Date(embed.timestamp).toLocaleString(world.locale) : null,
  ]
    .filter(Boolean)
    .map((t) => escapeHtml(t))
    .join(' • ');
  if (footer) parts.push(`<div class="embed-footer">${footer}</div>`);
  return `<div class="embed" style="border-left-color:${colourOf(embed)}">${parts.join('')}</div>`;
}

function emoji(component) {
  if (!component.emoji) return '';
  return `<span class="emoji">${escapeHtml(component.emoji.id ? `:${component.emoji.name}:` : component.emoji.name)}</span>`;
}

function renderButton(button, messageId) {
  const label = button.label ? `<span>${escapeHtml(button.label)}</span>` : '';
  if (button.style === 5) {
    return `<a class="component-button style-5" href="${escapeHtml(button.url)}" target="_blank" rel="noreferrer">${emoji(
      button,
    )}${label} ↗</a>`;
  }
  return `<button type="button" class="component-button style-${button.style}" data-action="button" data-message-id="${messageId}" data-custom-id="${escapeHtml(
    button.custom_id,
  )}"${button.disabled ? ' disabled' : ''}>${emoji(button)}${label}</button>`;
}

function renderSelect(select, messageId, world) {
  const multi = (select.max_values ?? 1) > 1;
  const chosen = (select.options ?? []).filter((o) => o.default);
  const placeholder = chosen.length
    ? chosen.map((o) => escapeHtml(o.label)).join(', ')
    : escapeHtml(select.placeholder ?? world.text.choose);
  const options = (select.options ?? [])
    .map(
      (o) =>
        `<li class="select-option" data-value="${escapeHtml(o.value)}">${
          multi ? `<input type="checkbox" value="${escapeHtml(o.value)}" />` : ''
        }${emoji(o)}<span>${escapeHtml(o.label)}${
          o.description ? `<span class="description">${escapeHtml(o.description)}</span>` : ''
        }</span></li>`,
    )
    .join('');
  return `<div class="select" data-action="select" data-message-id="${messageId}" data-custom-id="${escapeHtml(
    select.custom_id,
  )}" data-min="${select.min_values ?? 1}" data-max="${select.max_values ?? 1}">
    <button type="button" class="select-trigger"${select.disabled ? ' disabled' : ''}><span>${placeholder}</span><span>▾</span></button>
    <ul class="select-options" hidden>${options}${
      multi
        ? `<li><button type="button" class="component-button style-1 select-apply">${world.text.apply}</button></li>`
        : ''
    }</ul></div>`;
}

export function renderComponents(rows, messageId, world) {
  if (!rows?.length) return '';
  const html = rows
    .map((row) => {
      if (row.type !== 1) return '';
      const inner = (row.components ?? [])
        .map((c) =>
          c.type === 2
            ? renderButton(c, messageId)
            : c.type >= 3 && c.type <= 8
              ? renderSelect(c, messageId, world)
              : '',
        )
        .join('');
      return `<div class="action-row">${inner}</div>`;
    })
    .join('');
  return `<div class="components">${html}</div>`;
}

/** One message as Discord lays it out: "used /command" line, author, content, embeds, components. */
export function renderMessage(message, world) {
  const time = new Date(message.timestamp).toLocaleTimeString(world.locale, { timeStyle: 'short' });
  const replyLine = message.interaction
    ? `<div class="reply-line">${avatar(
        message.interaction.username,
        message.interaction.userId,
        true,
      ).replace(
        'avatar small',
        'avatar small inline',
      )} <span class="mention">@${escapeHtml(message.interaction.username)}</span> ${
        message.interaction.name
          ? `${world.text.used} <span class="command-name">/${escapeHtml(message.interaction.name)}</span>`
          : ''
      }</div>`
    : '';
  const body = message.loading
    ? `<div class="thinking">${escapeHtml(world.botName)} ${world.text.thinking}</div>`
    : `${message.content ? `<div class="content">${markdown(message.content, world)}${message.edited ? `<span class="edited">${world.text.edited}</span>` : ''}</div>` : ''}${(
        message.embeds ?? []
      )
        .map((e) => renderEmbed(e, world))
        .join('')}${renderComponents(message.components, message.id, world)}`;
  const note = message.ephemeral
    ? `<div class="ephemeral-note">👁 ${world.text.onlyYou} · <span class="dismiss" data-action="dismiss" data-message-id="${message.id}">${world.text.dismiss}</span></div>`
    : '';
  return `<article class="message${message.ephemeral ? ' ephemeral' : ''}" data-id="${message.id}">${replyLine}
    <div class="message-body">${avatar(world.botName, world.botId)}<div class="message-main">
      <div><span class="author">${escapeHtml(world.botName)}</span><span class="app-tag">APP</span><span class="time">${escapeHtml(time)}</span></div>
      ${body}${note}</div></div></article>`;
}
