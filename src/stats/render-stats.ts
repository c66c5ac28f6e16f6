import { EmbedBuilder } from 'discord.js';
import { EXAM_DOMAINS, type ExamDomain } from '../deck/types';
import type { Locale } from '../shared/i18n';
import { accuracyBar, WEAK_TOPIC_MIN_ANSWERS } from './accuracy';
import type { MemberStats } from './member-stats';
import { statsMessages } from './messages';

/** The `/stats` embed for one member. */
export function renderStats(stats: MemberStats, displayName: string, locale: Locale): EmbedBuilder {
  const text = statsMessages(locale);
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return new EmbedBuilder().setTitle(text.title(displayName)).addFields(
    { name: text.answers, value: numbers.format(stats.answered), inline: true },
    { name: text.accuracy, value: percent.format(stats.correct / stats.answered), inline: true },
    { name: text.points, value: numbers.format(stats.points), inline: true },
    { name: text.bestStreak, value: numbers.format(stats.bestRoundStreak), inline: true },
    { name: text.dailyStreak, value: text.days(stats.dailyStreak), inline: true },
    {
      name: text.byDomain,
      value: stats.domains
        .map((d) => {
          const name = EXAM_DOMAINS[d.domain as ExamDomain][locale];
          const bar = d.answered ? `\`${accuracyBar(d)}\`` : `_${text.noDomainAnswers}_`;
          return `**${d.domain}. ${name}**\n${bar}`;
        })
        .join('\n'),
    },
    {
      name: text.weakest,
      value: stats.weakestTopics.length
        ? stats.weakestTopics.map((t) => `• ${t.topic} — \`${accuracyBar(t)}\``).join('\n')
        : text.noWeakTopics(WEAK_TOPIC_MIN_ANSWERS),
    },
  );
}
