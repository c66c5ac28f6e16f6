import { AttachmentBuilder, type APIEmbed } from 'discord.js';
import { renderChartPng } from '../charts/chart';
import type { WithStores } from '../db/with-stores';
import type { DeckIndex } from '../deck';
import { loadExamGuide } from '../deck/guide';
import { EXAM_DOMAINS } from '../deck/types';
import { truncate } from '../discord/truncate';
import type { Locale } from '../shared/i18n';
import type { MockExam, MockStore } from '../mock/mock-store';
import { passes, scaledScore } from '../mock/scoring';
import type { CardStore } from '../practice/card-store';
import type { Tally } from '../stats/accuracy';
import { readinessMessages } from './messages';
import { computeReadiness, OBJECTIVE_DAYS, RECENT_DAYS, type Readiness } from './readiness';
import { answersByDomainSince, answersByQuestionSince, WEEK, weeklyAccuracy } from './readiness-store';

const DAY = 86_400_000;
export const STATS_CHART_NAME = 'readiness.png';

export interface MemberReadiness {
  readiness: Readiness;
  weekly: Tally[];
  mocks: MockExam[];
}

/** Everything /stats shows about readiness, read for one member at `now`. */
export function memberReadiness(
  { db, stores }: WithStores<{ cards: CardStore; mocks: MockStore }>,
  deck: DeckIndex,
  member: { guildId: string; userId: string },
  now: number,
): MemberReadiness {
  const guide = loadExamGuide();
  const readiness = computeReadiness({
    recentByDomain: answersByDomainSince(db, member, now - RECENT_DAYS * DAY),
    cards: stores.cards.cards(member),
    byQuestion: answersByQuestionSince(db, member, now - OBJECTIVE_DAYS * DAY),
    questionById: deck.questionById,
    allObjectives: guide.objectives,
    now,
  });
  return { readiness, weekly: weeklyAccuracy(db, member, now), mocks: stores.mocks.past(member) };
}

const percent = (share: number | null, locale: Locale) =>
  share === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The readiness embed (figures as text) and the PNG chart of the same figures. */
export function renderReadiness(
  data: MemberReadiness,
  locale: Locale,
  now: number,
): { embed: APIEmbed; file: AttachmentBuilder } {
  const text = readinessMessages(locale);
  const guide = loadExamGuide();
  const { readiness } = data;
  const domainScores = readiness.domains.map((d) => scaledScore(d.readiness, 1));
  const domainLines = readiness.domains.map((d, i) =>
    text.domainLine(
      `${d.domain}. ${EXAM_DOMAINS[d.domain][locale]}`,
      domainScores[i]!,
      percent(d.accuracy, locale),
      percent(d.retrievability, locale),
      d.thin,
    ),
  );
  const objectives = readiness.objectives.map((o) =>
    text.objectiveLine(
      o.id,
      truncate(guide.objectiveById.get(o.id)?.title[locale] ?? '', 90),
      o.answered,
      o.correct,
    ),
  );
  const weekLabel = (i: number) => {
    const start = new Date(now - (data.weekly.length - i) * WEEK);
    return `${String(start.getUTCDate()).padStart(2, '0')}/${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const weeks = data.weekly.map((w, i) => ({
    label: weekLabel(i),
    share: w.answered ? w.correct / w.answered : null,
  }));
  const weeklyText = weeks.map((w) => `${w.label} ${percent(w.share, locale)}`).join(' · ');
  const mocks = data.mocks.map((m) =>
    text.mockLine(
      Math.floor((m.finishedAt ?? m.startedAt) / 1000),
      m.scaledScore ?? 100,
      passes(m.scaledScore ?? 100),
      m.status === 'timed_out',
    ),
  );
  const png = renderChartPng({
    bars: {
      title: text.chartBars,
      passMark: 700,
      bars: readiness.domains.map((d, i) => ({
        label: `${d.domain}. ${EXAM_DOMAINS[d.domain][locale]}`,
        value: d.accuracy === null && d.retrievability === null ? null : domainScores[i]!,
      })),
    },
    weeks: { title: text.chartWeeks, weeks },
  });
  const alt = text.chartAlt(
    [...readiness.domains.map((d, i) => `${d.domain}: ${domainScores[i]}`), weeklyText].join('; '),
  );
  const file = new AttachmentBuilder(png, { name: STATS_CHART_NAME, description: truncate(alt, 1024) });
  const embed: APIEmbed = {
    title: text.title,
    description: truncate(
      [text.overall(readiness.estimate, readiness.passes), '', ...domainLines, '', `-# ${text.method}`].join(
        '\n',
      ),
      4096,
    ),
    fields: [
      { name: text.objectives, value: truncate(objectives.join('\n') || '—', 1024) },
      { name: text.weekly, value: truncate(weeklyText, 1024) },
      { name: text.mocks, value: truncate(mocks.join('\n') || text.noMocks, 1024) },
    ],
    image: { url: `attachment://${STATS_CHART_NAME}` },
  };
  return { embed, file };
}
