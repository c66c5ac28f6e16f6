import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  TimestampStyles,
  embedLength,
  time,
  type APIActionRowComponent,
  type APIComponentInActionRow,
  type APIEmbed,
} from 'discord.js';
import { EXAM_DOMAINS, type Question } from '../deck/types';
import type { Locale } from '../shared/i18n';
import { answerButtonId, answerMenuId, quizPanelIds, stopButtonId } from './custom-ids';
import { answeredInPanel } from '../answers/choice';
import { panelMessages } from '../answers/messages';
import { explainAnswer } from '../answers/explain';
import { quizMessages } from './messages';
import { orderCandidates } from './order-candidates';
import { describeChoice, optionLetter } from './round-rules';
import { truncate } from '../discord/truncate';

/** Discord's limits (docs: embed and component limits). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fieldValue: 1024,
  embedTotal: 6000,
  buttonLabel: 80,
  selectLabel: 100,
  buttonsPerRow: 5,
} as const;

export interface QuizMessagePayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInActionRow>[];
}

export interface QuestionView {
  roundId: number;
  position: number;
  total: number;
  question: Question;
  deadlineAt: number;
  locale: Locale;
}

const buttonRows = (buttons: ButtonBuilder[]) => {
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + LIMITS.buttonsPerRow)),
    );
  }
  return rows;
};

function optionLines(question: Question, mark?: (index: number) => string): string {
  const options = question.options
    .map((text, i) => `${mark ? mark(i) : ''}**${optionLetter(i)})** ${text}`)
    .join('\n');
  return question.type === 'match' ? `${promptLines(question)}\n\n${options}` : options;
}

/** A matching question's items, numbered (the options are lettered). */
function promptLines(question: Question): string {
  return (question.prompts ?? []).map((p, i) => `**${i + 1}.** ${p}`).join('\n');
}

/** What the member has to do, under the options. */
function typeHint(question: Question, locale: Locale): string {
  const panel = panelMessages(locale);
  if (question.type === 'multi') return panel.multiHint(question.answers.length);
  if (question.type === 'order') return panel.orderHint;
  if (question.type === 'match') return panel.matchHint;
  return quizMessages(locale).typeHint[question.type];
}

/** The right answer of an ordering or matching question, spelled out for the reveal. */
function panelAnswerLines(question: Question): string {
  if (question.type === 'order')
    return question.answers
      .map((a, i) => `${i + 1}. **${optionLetter(a)})** ${question.options[a] ?? ''}`)
      .join('\n');
  return (question.prompts ?? [])
    .map(
      (p, i) =>
        `**${i + 1}.** ${p} → **${optionLetter(question.answers[i] ?? 0)})** ${question.options[question.answers[i] ?? 0] ?? ''}`,
    )
    .join('\n');
}

function sequenceLabel(sequence: readonly number[]): string {
  return describeChoice({ type: 'order' }, sequence);
}

/** Labels of the answer controls, shared by the open and revealed messages. */
function answerLabels(question: Question): string[] {
  if (question.type === 'order') return orderCandidates(question).sequences.map(sequenceLabel);
  if (question.type === 'truefalse') return question.options.map((o) => truncate(o, LIMITS.buttonLabel));
  return question.options.map((_, i) => optionLetter(i));
}

function metaFields(question: Question, locale: Locale) {
  const text = quizMessages(locale);
  return [
    { name: text.topic, value: truncate(question.topic, LIMITS.fieldValue), inline: true },
    {
      name: text.domain,
      value: `${question.domain}. ${EXAM_DOMAINS[question.domain][locale]}`,
      inline: true,
    },
    // Items that rest on AWS documentation say so: the group's notes do not cover them.
    ...(question.beyond ? [{ name: `📚 ${text.beyond}`, value: text.beyondValue, inline: false }] : []),
  ];
}

function questionDescription(question: Question, hint: string, lines: string): string {
  return truncate(`${question.stem}\n\n${lines}\n\n${hint}`, LIMITS.description);
}

/** The open question: stem, lettered options, topic/domain, deadline, one control per option, stop. */
export function renderQuestion(view: QuestionView): QuizMessagePayload {
  const { question, locale } = view;
  const text = quizMessages(locale);
  const embed = new EmbedBuilder()
    .setColor(0x3b82f6)
    .setTitle(text.questionTitle(view.position + 1, view.total))
    .setDescription(questionDescription(question, typeHint(question, locale), optionLines(question)))
    .addFields(...metaFields(question, locale), {
      name: text.closes,
      value: time(Math.floor(view.deadlineAt / 1000), TimestampStyles.RelativeTime),
      inline: true,
    })
    .setFooter({ text: text.footer });

  const rows: APIActionRowComponent<APIComponentInActionRow>[] = [];
  if (question.type === 'multi') {
    const menu = new StringSelectMenuBuilder()
      .setCustomId(answerMenuId.encode({ roundId: view.roundId, position: view.position }))
      .setPlaceholder(text.selectPlaceholder)
      .setMinValues(question.answers.length)
      .setMaxValues(question.answers.length)
      .addOptions(
        question.options.map((option, i) => ({
          label: truncate(`${optionLetter(i)}) ${option}`, LIMITS.selectLabel),
          value: String(i),
        })),
      );
    rows.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON());
  } else if (answeredInPanel(question)) {
    const open = new ButtonBuilder()
      .setCustomId(quizPanelIds.open.encode({ roundId: view.roundId, position: view.position }))
      .setLabel(panelMessages(locale).answerButton)
      .setEmoji('✍️')
      .setStyle(ButtonStyle.Primary);
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(open).toJSON());
  } else {
    const buttons = answerLabels(question).map((label, option) =>
      new ButtonBuilder()
        .setCustomId(answerButtonId.encode({ roundId: view.roundId, position: view.position, option }))
        .setLabel(label)
        .setStyle(ButtonStyle.Primary),
    );
    rows.push(...buttonRows(buttons).map((row) => row.toJSON()));
  }
  rows.push(
    new ActionRowBuilder<ButtonBuilder>()
      .addComponents(
        new ButtonBuilder()
          .setCustomId(stopButtonId.encode({ roundId: view.roundId }))
          .setLabel(text.stopButton)
          .setEmoji('⏹️')
          .setStyle(ButtonStyle.Danger),
      )
      .toJSON(),
  );
  return { embeds: [embed.toJSON()], components: rows };
}

export interface RevealedAnswer {
  userId: string;
  choice: number[];
  correct: boolean;
  points: number;
  responseMs: number;
}

export interface RevealView extends QuestionView {
  answers: readonly RevealedAnswer[];
}

/** How many picked each control: each option, or each candidate sequence for ordering questions. */
export function countPicks(question: Question, answers: readonly RevealedAnswer[]): number[] {
  if (answeredInPanel(question)) return [answers.filter((a) => a.correct).length];
  if (question.type === 'order') {
    const { sequences } = orderCandidates(question);
    return sequences.map(
      (sequence) => answers.filter((a) => a.choice.join(',') === sequence.join(',')).length,
    );
  }
  return question.options.map((_, i) => answers.filter((a) => a.choice.includes(i)).length);
}

/** Which controls are right: the answer options, or the one correct sequence. */
function correctControls(question: Question): Set<number> {
  if (answeredInPanel(question)) return new Set([0]);
  if (question.type === 'order') return new Set([orderCandidates(question).correctIndex]);
  return new Set(question.answers);
}

/** Scorers, best first (points, then speed). */
export function rankScorers(answers: readonly RevealedAnswer[]): RevealedAnswer[] {
  return answers
    .filter((a) => a.points > 0)
    .sort((a, b) => b.points - a.points || a.responseMs - b.responseMs);
}

/**
 * The question after its deadline: controls disabled, the right answer marked, picks per option, the
 * explanation and source, and who scored (as many as fit Discord's limits, best first).
 */
export function renderReveal(view: RevealView): QuizMessagePayload {
  const { question, locale, answers } = view;
  const text = quizMessages(locale);
  const counts = countPicks(question, answers);
  const correct = correctControls(question);
  const correctCount = answers.filter((a) => a.correct).length;
  const mark = (i: number) => (correct.has(i) ? '✅ ' : '▫️ ');

  const lines = answeredInPanel(question)
    ? optionLines(question)
    : question.options
        .map(
          (option, i) => `${mark(i)}**${optionLetter(i)})** ${option} — ${text.answersCount(counts[i] ?? 0)}`,
        )
        .join('\n');
  const fields: { name: string; value: string; inline?: boolean }[] = [];
  if (answeredInPanel(question)) {
    fields.push({
      name: question.type === 'order' ? text.rightOrder : text.rightMatches,
      value: truncate(panelAnswerLines(question), LIMITS.fieldValue),
    });
  } else if (question.type === 'order') {
    const { sequences } = orderCandidates(question);
    fields.push({
      name: text.sequences,
      value: truncate(
        sequences
          .map((s, i) => `${mark(i)}${sequenceLabel(s)} — ${text.answersCount(counts[i] ?? 0)}`)
          .join('\n'),
        LIMITS.fieldValue,
      ),
    });
  }
  const { key, others } = explainAnswer(question, locale);
  fields.push(
    { name: text.explanation, value: truncate(key, LIMITS.fieldValue) },
    {
      name: text.source,
      value: truncate(
        question.beyond
          ? text.sourceBeyond(question.doc ?? '')
          : text.sourceValue(question.source.heading, question.source.line),
        LIMITS.fieldValue,
      ),
    },
    ...metaFields(question, locale),
  );

  const build = (scorerLines: string[]) =>
    new EmbedBuilder()
      .setColor(0x22c55e)
      .setTitle(text.revealTitle(view.position + 1, view.total))
      .setDescription(questionDescription(question, text.correctSummary(correctCount, answers.length), lines))
      .addFields(...fields, {
        name: text.scorers,
        value: scorerLines.length > 0 ? scorerLines.join('\n') : text.noScorers,
      });

  // Why the other options are wrong, as much of it as the 6000-character embed leaves room for (a line
  // of scorers is kept free).
  if (others) {
    const room =
      LIMITS.embedTotal -
      embedLength(build([text.moreScorers(answers.length)]).toJSON()) -
      others.title.length -
      100;
    const value = truncate(others.text, Math.min(LIMITS.fieldValue, room));
    if (value.length >= 40)
      fields.splice(fields.length - metaFields(question, locale).length - 1, 0, {
        name: others.title,
        value,
      });
  }
  const scorers = rankScorers(answers).map((a) => `<@${a.userId}> +${a.points}`);
  const embed = build(fitList(scorers, (shown) => build(shown).toJSON(), text.moreScorers));

  const labels = answeredInPanel(question)
    ? [`✅ ${correctCount}/${answers.length}`]
    : answerLabels(question);
  const buttons = labels.map((label, i) =>
    new ButtonBuilder()
      .setCustomId(answerButtonId.encode({ roundId: view.roundId, position: view.position, option: i }))
      // Panel questions have one summary button ("✅ 7/10"); the others show each option's count.
      .setLabel(
        truncate(answeredInPanel(question) ? label : `${label} · ${counts[i] ?? 0}`, LIMITS.buttonLabel),
      )
      .setStyle(correct.has(i) ? ButtonStyle.Success : ButtonStyle.Secondary)
      .setDisabled(true),
  );
  return { embeds: [embed.toJSON()], components: buttonRows(buttons).map((row) => row.toJSON()) };
}

/**
 * The longest prefix of `lines` (plus a "…and N more" line) that keeps the field within 1024 characters
 * and the embed within Discord's 6000-character total.
 */
export function fitList(
  lines: readonly string[],
  embedWith: (shown: string[]) => APIEmbed,
  more: (hidden: number) => string,
  fieldLimit: number = LIMITS.fieldValue,
): string[] {
  const withMore = (count: number) =>
    count === lines.length ? lines.slice(0, count) : [...lines.slice(0, count), more(lines.length - count)];
  const fits = (count: number) => {
    const shown = withMore(count);
    return shown.join('\n').length <= fieldLimit && embedLength(embedWith(shown)) <= LIMITS.embedTotal;
  };
  if (fits(lines.length)) return withMore(lines.length);
  // Showing fewer lines never makes the text longer, so binary-search the longest prefix that fits.
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return withMore(low);
}

export interface PodiumEntry {
  userId: string;
  points: number;
  correct: number;
  answered: number;
  /** Competition rank ("1, 1, 3"); tied members share a medal. Defaults to the list order. */
  rank?: number;
}

export interface PodiumView {
  locale: Locale;
  /** Already ranked, best first. */
  standings: readonly PodiumEntry[];
  stopped: boolean;
  stoppedBy: string | null;
  played: number;
  total: number;
}

const MEDALS = ['🥇', '🥈', '🥉'];

export function renderPodium(view: PodiumView): QuizMessagePayload {
  const text = quizMessages(view.locale);
  const header = [
    view.played < view.total ? text.played(view.played, view.total) : '',
    view.stopped ? (view.stoppedBy ? text.stoppedBy(view.stoppedBy) : text.stoppedUnavailable) : '',
  ].filter(Boolean);
  const lines = view.standings.map(
    (s, i) =>
      `${MEDALS[i] ?? `${i + 1}.`} <@${s.userId}> — ${text.standing(s.points, s.correct, s.answered)}`,
  );
  const build = (shown: string[]) =>
    new EmbedBuilder()
      .setColor(0xf59e0b)
      .setTitle(view.stopped ? text.podiumStopped : text.podiumFinished)
      .setDescription([...header, '', ...(shown.length > 0 ? shown : [text.noAnswers])].join('\n').trim());
  const shown = fitList(lines, (s) => build(s).toJSON(), text.moreScorers, LIMITS.description - 300);
  return { embeds: [build(shown).toJSON()], components: [] };
}
