// The sandbox page: follows the stand-in's messages over server-sent events, lets the visitor act as one
// of the members (commands, buttons, selects, modals) and triggers the daily posts.
import { buildOptions, parseCommandText, suggest } from './command-box.js';
import { avatar, escapeHtml, relativeTime, renderMessage } from './render.js';

const TEXT = {
  'pt-BR': {
    used: 'usou',
    thinking: 'está pensando…',
    edited: '(editado)',
    onlyYou: 'Só você pode ver isto',
    dismiss: 'Ignorar mensagem',
    choose: 'Faça uma escolha',
    apply: 'Confirmar',
    empty: 'Nenhuma mensagem ainda. Digite /quiz start (ou /help) na caixa abaixo.',
    notInteger: (n) => `${n}: precisa ser um número inteiro`,
    notNumber: (n) => `${n}: precisa ser um número`,
    noMember: (v) => `não há membro "${v}"`,
    noChannel: (v) => `não há canal "${v}"`,
    unknownOption: (n) => `opção desconhecida: ${n}`,
    missing: (names) => `faltam opções obrigatórias: ${names}`,
    unknownCommand: (n) => `comando desconhecido: /${n}`,
    noAnswer: 'O bot não respondeu (veja os logs do terminal).',
  },
  'en-US': {
    used: 'used',
    thinking: 'is thinking…',
    edited: '(edited)',
    onlyYou: 'Only you can see this',
    dismiss: 'Dismiss message',
    choose: 'Make a selection',
    apply: 'Apply',
    empty: 'No messages yet. Type /quiz start (or /help) in the box below.',
    notInteger: (n) => `${n}: must be a whole number`,
    notNumber: (n) => `${n}: must be a number`,
    noMember: (v) => `no member "${v}"`,
    noChannel: (v) => `no channel "${v}"`,
    unknownOption: (n) => `unknown option: ${n}`,
    missing: (names) => `missing required options: ${names}`,
    unknownCommand: (n) => `unknown command: /${n}`,
    noAnswer: 'The bot did not answer (see the terminal logs).',
  },
};

const state = {
  data: null,
  messages: new Map(),
  channelId: null,
  memberId: null,
  dismissed: new Set(),
  suggestions: [],
  selected: 0,
  // The next render scrolls to the newest message (at start and after the visitor sends a command).
  scrollToEnd: true,
};

const $ = (selector) => document.querySelector(selector);

function me() {
  return state.data.visitors.find((v) => v.id === state.memberId);
}

function world() {
  const visitor = me();
  const locale = visitor?.locale === 'en-US' ? 'en-US' : 'pt-BR';
  const allMembers = [...state.data.visitors, ...state.data.simulated];
  return {
    locale,
    text: TEXT[locale],
    botName: state.data.bot.username,
    botId: state.data.bot.id,
    channels: state.data.guild.channels.filter((c) => c.type === 0),
    allMembers,
    userName: (id) =>
      id === state.data.bot.id
        ? state.data.bot.username
        : (allMembers.find((m) => m.id === id)?.username ?? 'desconhecido'),
    channelName: (id) => state.data.guild.channels.find((c) => c.id === id)?.name ?? 'canal-desconhecido',
    memberByName: (name) => allMembers.find((m) => m.username === name),
    channelByName: (name) => state.data.guild.channels.find((c) => c.name === name),
  };
}

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

function toast(text) {
  const el = $('#toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 5000);
}

function visible(message) {
  if (message.deleted || message.channelId !== state.channelId) return false;
  if (!message.ephemeral) return true;
  return message.recipientId === state.memberId && !state.dismissed.has(message.id);
}

function renderMessages() {
  const list = $('#messages');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
  const w = world();
  const shown = [...state.messages.values()].filter(visible);
  list.innerHTML = shown.length
    ? shown.map((m) => renderMessage(m, w)).join('')
    : `<div class="empty-channel">${escapeHtml(w.text.empty)}</div>`;
  if (nearBottom || state.scrollToEnd) list.scrollTop = list.scrollHeight;
  state.scrollToEnd = false;
}

function renderChrome() {
  const w = world();
  $('#guild-name').textContent = state.data.guild.name;
  $('#channel-list').innerHTML = w.channels
    .map(
      (c) =>
        `<li data-channel-id="${c.id}" class="${c.id === state.channelId ? 'active' : ''}"><span class="hash">#</span> ${escapeHtml(c.name)}</li>`,
    )
    .join('');
  $('#channel-name').textContent = w.channelName(state.channelId);
  $('#visitor-list').innerHTML = state.data.visitors
    .map(
      (v) =>
        `<button type="button" role="radio" aria-checked="${v.id === state.memberId}" class="visitor${
          v.id === state.memberId ? ' active' : ''
        }" data-member="${escapeHtml(v.username)}" data-member-id="${v.id}">${avatar(v.username, v.id, true)}<span>${escapeHtml(
          v.username,
        )}</span>${v.admin ? '<span class="tag">admin</span>' : ''}${v.locale === 'en-US' ? '<span class="tag">English</span>' : ''}</button>`,
    )
    .join('');
  $('#member-list').innerHTML = [
    `<li>${avatar(state.data.bot.username, state.data.bot.id, true)} ${escapeHtml(state.data.bot.username)} <span class="app-tag">APP</span></li>`,
    ...state.data.visitors.map((v) => `<li>${avatar(v.username, v.id, true)} ${escapeHtml(v.username)}</li>`),
    ...state.data.simulated.map(
      (s) =>
        `<li>${avatar(s.username, s.id, true)} ${escapeHtml(s.username)} <span class="tag">simulado</span></li>`,
    ),
  ].join('');
  const visitor = me();
  $('#me-panel').innerHTML =
    `${avatar(visitor.username, visitor.id, true)} <strong>${escapeHtml(visitor.username)}</strong>`;
  $('#simulated-toggle').checked = state.data.simulatedEnabled;
}

function renderSuggestions() {
  const list = $('#suggestions');
  if (!state.suggestions.length) {
    list.hidden = true;
    list.innerHTML = '';
    return;
  }
  list.hidden = false;
  list.innerHTML = state.suggestions
    .map(
      (s, i) =>
        `<li class="suggestion${i === state.selected ? ' selected' : ''}" role="option" data-index="${i}"><span class="label">${escapeHtml(
          s.label,
        )}${s.required ? '<span class="required">*</span>' : ''}</span><span class="description">${escapeHtml(
          s.description ?? '',
        )}</span></li>`,
    )
    .join('');
}

let suggestRun = 0;
async function updateSuggestions() {
  const run = ++suggestRun;
  const text = $('#command-input').value;
  const fetchAutocomplete = async (name, options) => {
    const result = await api('/api/interact', {
      kind: 'autocomplete',
      memberId: state.memberId,
      channelId: state.channelId,
      name,
      options,
    });
    return result.choices;
  };
  let suggestions = [];
  try {
    suggestions = await suggest(text, state.data.commands, world(), fetchAutocomplete);
  } catch (error) {
    suggestions = [];
    console.error(error);
  }
  if (run !== suggestRun) return; // a newer keystroke won
  state.suggestions = suggestions;
  state.selected = 0;
  renderSuggestions();
}

function pickSuggestion(index) {
  const suggestion = state.suggestions[index];
  if (!suggestion || suggestion.insert === null) return false;
  const input = $('#command-input');
  input.value = suggestion.insert;
  input.focus();
  void updateSuggestions();
  return true;
}

function showError(text) {
  const el = $('#command-error');
  el.textContent = text ?? '';
  el.hidden = !text;
}

async function runInteraction(body) {
  try {
    const result = await api('/api/interact', { memberId: state.memberId, ...body });
    if (result.modal) openModal(result.modal, body.messageId);
    else if (!result.answered) toast(world().text.noAnswer);
  } catch (error) {
    toast(error.message);
  }
}

async function sendCommand() {
  const text = $('#command-input').value.trim();
  const parsed = parseCommandText(`${text} `, state.data.commands);
  if (!parsed || parsed.stage === 'command') return showError(world().text.unknownCommand(text.slice(1)));
  if (parsed.stage === 'unknown') return showError(world().text.unknownCommand(parsed.name));
  if (parsed.stage !== 'options') return showError(world().text.missing('subcommand'));
  let options;
  try {
    options = buildOptions(parsed, world());
  } catch (error) {
    return showError(error.message);
  }
  showError(null);
  state.scrollToEnd = true;
  $('#command-input').value = '';
  state.suggestions = [];
  renderSuggestions();
  await runInteraction({ kind: 'command', channelId: state.channelId, name: parsed.command.name, options });
}

function openModal(modal, messageId) {
  const dialog = $('#modal');
  const inputs = [];
  const rows = (modal.components ?? []).map((row) => {
    const input = row.type === 18 ? row.component : row.components?.[0];
    const label = row.type === 18 ? row.label : input?.label;
    if (!input || input.type !== 4) return '';
    inputs.push(input.custom_id);
    const attrs = `name="${escapeHtml(input.custom_id)}" placeholder="${escapeHtml(input.placeholder ?? '')}"${
      input.required === false ? '' : ' required'
    }${input.max_length ? ` maxlength="${input.max_length}"` : ''}`;
    return `<label>${escapeHtml(label ?? input.custom_id)}</label>${
      input.style === 2
        ? `<textarea ${attrs}>${escapeHtml(input.value ?? '')}</textarea>`
        : `<input ${attrs} value="${escapeHtml(input.value ?? '')}" />`
    }`;
  });
  dialog.innerHTML = `<form method="dialog"><h2>${escapeHtml(modal.title ?? '')}</h2>${rows.join('')}
    <div class="modal-actions"><button value="cancel" class="component-button style-2" formnovalidate>Cancelar</button>
    <button value="submit" class="component-button style-1">Enviar</button></div></form>`;
  dialog.showModal();
  dialog.onclose = () => {
    if (dialog.returnValue !== 'submit') return;
    const form = dialog.querySelector('form');
    const fields = Object.fromEntries(inputs.map((id) => [id, form.elements[id].value]));
    void runInteraction({
      kind: 'modal',
      channelId: state.channelId,
      customId: modal.custom_id,
      fields,
      messageId,
    });
  };
}

function wireEvents() {
  const input = $('#command-input');
  input.addEventListener('input', () => {
    showError(null);
    void updateSuggestions();
  });
  input.addEventListener('keydown', (event) => {
    if (state.suggestions.length && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const n = state.suggestions.length;
      state.selected = (state.selected + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
      renderSuggestions();
    } else if (event.key === 'Tab' && state.suggestions.length) {
      event.preventDefault();
      pickSuggestion(state.selected);
    } else if (event.key === 'Escape') {
      state.suggestions = [];
      renderSuggestions();
    }
  });
  $('#command-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void sendCommand();
  });
  $('#suggestions').addEventListener('mousedown', (event) => {
    const item = event.target.closest('.suggestion');
    if (!item) return;
    event.preventDefault();
    pickSuggestion(Number(item.dataset.index));
  });
  $('#channel-list').addEventListener('click', (event) => {
    const item = event.target.closest('[data-channel-id]');
    if (!item) return;
    state.channelId = item.dataset.channelId;
    renderChrome();
    renderMessages();
  });
  $('#visitor-list').addEventListener('click', (event) => {
    const item = event.target.closest('[data-member-id]');
    if (!item) return;
    state.memberId = item.dataset.memberId;
    renderChrome();
    renderMessages();
  });
  $('#simulated-toggle').addEventListener('change', async (event) => {
    const result = await api('/api/simulated', { enabled: event.target.checked });
    state.data.simulatedEnabled = result.enabled;
  });
  $('#daily-button').addEventListener('click', async () => {
    const status = $('#daily-status');
    status.textContent = '…';
    try {
      const result = await api('/api/daily', {});
      status.textContent = result.posted.length
        ? `Publicado: ${result.posted.map((p) => `${p.kind} (${p.localDate})`).join(', ')}`
        : result.failed.length
          ? `Falhou: ${result.failed.map((f) => f.error).join('; ')}`
          : 'Nada a publicar (posts desligados em /config posts?)';
    } catch (error) {
      status.textContent = error.message;
    }
  });
  $('#messages').addEventListener('click', (event) => {
    const target = event.target.closest('[data-action]');
    if (!target) {
      for (const open of document.querySelectorAll('.select-options:not([hidden])')) open.hidden = true;
      return;
    }
    const { action, messageId, customId } = target.dataset;
    if (action === 'button' && !target.disabled) {
      void runInteraction({ kind: 'button', messageId, customId });
    } else if (action === 'dismiss') {
      state.dismissed.add(messageId);
      renderMessages();
    } else if (action === 'select') {
      const options = target.querySelector('.select-options');
      const max = Number(target.dataset.max);
      if (event.target.closest('.select-trigger')) {
        if (!event.target.closest('.select-trigger').disabled) options.hidden = !options.hidden;
        return;
      }
      const values =
        max > 1
          ? event.target.closest('.select-apply')
            ? [...options.querySelectorAll('input:checked')].map((i) => i.value)
            : null
          : event.target.closest('.select-option')
            ? [event.target.closest('.select-option').dataset.value]
            : null;
      if (max > 1 && event.target.closest('.select-option') && event.target.tagName !== 'INPUT') {
        const box = event.target.closest('.select-option').querySelector('input');
        box.checked = !box.checked;
      }
      if (!values) return;
      options.hidden = true;
      void runInteraction({ kind: 'select', messageId, customId, values });
    }
  });
}

function follow() {
  const events = new EventSource('/api/events');
  events.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    state.messages.set(message.id, message);
    // Keep an open menu open while other messages change.
    if (!document.querySelector('.select-options:not([hidden])')) renderMessages();
  });
}

async function main() {
  state.data = await api('/api/state');
  for (const m of state.data.messages) state.messages.set(m.id, m);
  state.channelId = state.data.guild.channels.find((c) => c.type === 0)?.id;
  state.memberId = state.data.visitors[0]?.id;
  renderChrome();
  renderMessages();
  wireEvents();
  follow();
  // Relative timestamps ("in 12 seconds") tick as on Discord.
  setInterval(() => {
    for (const el of document.querySelectorAll('.timestamp[data-style="R"]'))
      el.textContent = relativeTime(new Date(Number(el.dataset.ts) * 1000), world().locale);
  }, 1000);
  document.body.dataset.ready = 'true';
}

void main();
