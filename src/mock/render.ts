import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  type APIEmbed,
} from 'discord.js';
import { describeChoice, optionLetter, parseStoredChoice } from '../answers/choice';
import { answerControls, type ActionRow } from '../daily/answer-controls';
import { renderQuestionText } from '../deck/render';
import { EXAM_DOMAINS, type Question } from '../deck/types';
import { truncate } from '../discord/truncate';
import type { Locale } from '../shared/i18n';
import { explainAnswer } from '../answers/explain';
import { renderChartPng } from '../charts/chart';
import { answeredInPanel } from '../answers/choice';
import {
  mockAnswerId,
  mockConfirmId,
  mockFlagId,
  mockGoId,
  mockJumpId,
  mockPanelIds,
  mockResultId,
  mockReviewId,
  mockSelectId,
  mockSubmitId,
} from './custom-ids';
import { mockMessages } from './messages';
import type { MockView } from './mock';
import type { MockResult } from './scoring';

export interface MockMessage {
  content: string;
  embeds: APIEmbed[];
  components: ActionRow[];
  /** The result's chart; other views carry none (and drop an earlier one). */
  files?: AttachmentBuilder[];
}

export const MOCK_CHART_NAME = 'mock.png';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** One item of a running mock: status line, the question, the member's answer, and the controls. */
export function renderMockItem(
  view: MockView,
  position: number,
  question: Question,
  locale: Locale,
): MockMessage {
  const text = mockMessages(locale);
  const { mock, items } = view;
  const item = items[position]!;
  const answered = items.filter((i) => i.choice !== null).length;
  const flagged = items.filter((i) => i.flagged).length;
  const content = [
    text.header(position + 1, items.length),
    text.status(seconds(mock.deadlineAt), answered, items.length, flagged),
    `-# ${text.clockNote}`,
    ...(item.flagged ? [text.flagged] : []),
    '',
    renderQuestionText(question, locale),
    '',
    item.choice === null
      ? text.noAnswer
      : text.yourAnswer(describeChoice(question, parseStoredChoice(item.choice))),
  ].join('\n');
  const target = { mock: mock.id, position };
  const controls = answerControls(
    question,
    {
      button: (option) => mockAnswerId.encode({ ...target, option }),
      select: mockSelectId.encode(target),
      panel: mockPanelIds.open.encode(target),
    },
    locale,
  );
  // The member's current pick stands out (blue) among the letter buttons; multi/order/match say it in text.
  const picked = item.choice === null ? [] : parseStoredChoice(item.choice);
  if (question.type === 'single') {
    for (const row of controls)
      for (const c of row.components as { custom_id?: string; style?: number }[]) {
        const option = Number(c.custom_id?.split(':').at(-1));
        if (picked.includes(option)) c.style = ButtonStyle.Primary;
      }
  }
  const last = items.length - 1;
  const nav = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(mockGoId.encode({ mock: mock.id, position: Math.max(0, position - 1), from: position }))
      .setLabel(text.prev)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(position === 0),
    new ButtonBuilder()
      .setCustomId(mockFlagId.encode(target))
      .setLabel(item.flagged ? text.unflag : text.flag)
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(
        mockGoId.encode({ mock: mock.id, position: Math.min(last, position + 1), from: position + 1000 }),
      )
      .setLabel(text.next)
      .setStyle(ButtonStyle.Primary)
      .setDisabled(position === last),
    new ButtonBuilder()
      .setCustomId(mockSubmitId.encode({ mock: mock.id, from: position }))
      .setLabel(text.submit)
      .setStyle(ButtonStyle.Success),
  );
  const open = items.filter((i) => i.flagged || i.choice === null);
  const rows: ActionRow[] = [...controls, nav.toJSON()];
  if (open.length > 0) {
    rows.push(
      new ActionRowBuilder<StringSelectMenuBuilder>()
        .addComponents(
          new StringSelectMenuBuilder()
            .setCustomId(mockJumpId.encode({ mock: mock.id }))
            .setPlaceholder(text.jump(open.length))
            .addOptions(
              open.slice(0, 25).map((i) => ({
                label: text.jumpOption(i.position + 1, i.flagged, i.choice !== null),
                value: String(i.position),
                default: i.position === position,
              })),
            ),
        )
        .toJSON(),
    );
  }
  return { content: truncate(content, 2000), embeds: [], components: rows };
}

/** "Submit now?" with the counts of blanks and flags. */
export function renderConfirm(view: MockView, from: number, locale: Locale): MockMessage {
  const text = mockMessages(locale);
  const unanswered = view.items.filter((i) => i.choice === null).length;
  const flagged = view.items.filter((i) => i.flagged).length;
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(mockConfirmId.encode({ mock: view.mock.id }))
      .setLabel(text.confirmButton)
      .setStyle(ButtonStyle.Danger),
    new ButtonBuilder()
      .setCustomId(mockGoId.encode({ mock: view.mock.id, position: from, from }))
      .setLabel(text.back)
      .setStyle(ButtonStyle.Secondary),
  );
  return { content: text.confirm(unanswered, flagged), embeds: [], components: [row.toJSON()] };
}

/** The per-domain lines of a result (also the chart's text for screen readers). */
export function domainLines(result: MockResult, locale: Locale): string[] {
  const text = mockMessages(locale);
  return result.byDomain.map(
    (d) =>
      `**${d.domain}. ${EXAM_DOMAINS[d.domain][locale]}** — ${text.domainLine(d.correct, d.total, d.scaled)}`,
  );
}

/** A finished mock: estimated score against 700, per domain, and the way into the review of misses. */
export function renderMockResult(view: MockView, result: MockResult, locale: Locale): MockMessage {
  const text = mockMessages(locale);
  const status = view.mock.status === 'timed_out' ? 'timed_out' : 'submitted';
  const content = [
    text.resultTitle(status),
    text.score(result.scaled, result.passed),
    text.counts(result.correct, result.total, result.answered),
    `-# ${text.estimateNote}`,
  ].join('\n');
  const components: ActionRow[] =
    result.misses.length > 0
      ? [
          new ActionRowBuilder<ButtonBuilder>()
            .addComponents(
              new ButtonBuilder()
                .setCustomId(mockReviewId.encode({ mock: view.mock.id, page: 0 }))
                .setLabel(text.review(result.misses.length))
                .setStyle(ButtonStyle.Primary),
            )
            .toJSON(),
        ]
      : [];
  const lines = domainLines(result, locale);
  const png = renderChartPng({
    bars: {
      title: text.byDomain,
      passMark: 700,
      bars: result.byDomain.map((d) => ({
        label: `${d.domain}. ${EXAM_DOMAINS[d.domain][locale]}`,
        value: d.scaled,
      })),
    },
  });
  const alt = `${text.chartAlt} ${result.byDomain.map((d) => `${d.domain}: ${d.scaled}`).join('; ')}`;
  return {
    content,
    embeds: [
      {
        title: text.byDomain,
        description: lines.join('\n'),
        image: { url: `attachment://${MOCK_CHART_NAME}` },
      },
    ],
    components,
    files: [new AttachmentBuilder(png, { name: MOCK_CHART_NAME, description: alt })],
  };
}

export const MISSES_PER_PAGE = 4;

function missText(miss: MockResult['misses'][number], locale: Locale): string {
  const text = mockMessages(locale);
  const { question, choice } = miss;
  const why = (i: number) => `**${optionLetter(i)})** ${truncate(question.rationales[i] ?? '', 300)}`;
  const head = text.missLine(
    miss.position + 1,
    question.domain,
    choice === null ? text.blank : describeChoice(question, choice),
    describeChoice(question, question.answers),
  );
  const body = answeredInPanel(question)
    ? [truncate(explainAnswer(question, locale).key, 500)]
    : [
        ...(choice ?? []).filter((i) => !question.answers.includes(i)).map((i) => `❌ ${why(i)}`),
        ...question.answers.map((i) => `✅ ${why(i)}`),
      ];
  return [head, truncate(question.stem, 400), ...body].join('\n');
}

/** One page of the review of misses (blanks included), with each option's rationale. */
export function renderReview(view: MockView, result: MockResult, page: number, locale: Locale): MockMessage {
  const text = mockMessages(locale);
  const pages = Math.max(1, Math.ceil(result.misses.length / MISSES_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const misses = result.misses.slice(current * MISSES_PER_PAGE, (current + 1) * MISSES_PER_PAGE);
  const description = misses.length ? misses.map((m) => missText(m, locale)).join('\n\n') : text.noMisses;
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(mockReviewId.encode({ mock: view.mock.id, page: Math.max(0, current - 1) }))
      .setLabel('◀')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(current === 0),
    new ButtonBuilder()
      .setCustomId(mockResultId.encode({ mock: view.mock.id }))
      .setLabel(text.result)
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(mockReviewId.encode({ mock: view.mock.id, page: Math.min(pages - 1, current + 1) + 1000 }))
      .setLabel('▶')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(current >= pages - 1),
  );
  return {
    content: text.reviewTitle(current + 1, pages),
    embeds: [{ description: truncate(description, 4096) }],
    components: [row.toJSON()],
  };
}
