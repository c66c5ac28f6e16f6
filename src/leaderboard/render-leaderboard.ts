import { EmbedBuilder } from 'discord.js';
import { EXAM_DOMAINS, type ExamDomain } from '../deck/types';
import type { Locale } from '../shared/i18n';
import type { LeaderboardView } from './leaderboard-view';
import { leaderboardMessages } from './messages';
import { accuracyOf, type StandingRow } from './standings-queries';

const MEDALS = ['🥇', '🥈', '🥉'];

/** The `/leaderboard` embed: top 10, the caller's own line when lower, the period's dates, past winners. */
export function renderLeaderboard(view: LeaderboardView, locale: Locale): EmbedBuilder {
  const text = leaderboardMessages(locale);
  const { request } = view;
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const line = (rank: number | null, row: StandingRow) =>
    text.line(
      rank === null ? '—' : (MEDALS[rank - 1] ?? `**${rank}.**`),
      row.userId,
      numbers.format(row.points),
      percent.format(accuracyOf(row)),
      row.answered,
    );

  const subtitle = [
    periodLabel(view, locale),
    request.by === 'points' ? text.byPoints : text.byAccuracy(request.minAnswers),
    scopeLabel(request.scope, locale),
  ].filter(Boolean);

  const body = view.top.length
    ? view.top.map((row) => line(row.rank, row)).join('\n')
    : view.anyAnswers
      ? text.nobodyReachedMin(request.minAnswers)
      : text.noAnswersYet(request.period);

  const embed = new EmbedBuilder()
    .setTitle(text.title)
    .setDescription(`${subtitle.join(' · ')}\n\n${body}`)
    .setFooter({ text: text.timeZone(request.timeZone) });

  if (!view.callerInTop && view.anyAnswers) {
    const caller = view.caller;
    embed.addFields({
      name: text.yourPosition,
      value: !caller
        ? text.youHaveNoAnswers
        : caller.ranked
          ? line(caller.rank, caller.row)
          : `${line(null, caller.row)}\n${text.youNeedMore(caller.row.answered, request.minAnswers)}`,
    });
  }
  if (view.pastWinners.length) {
    embed.addFields({
      name: text.pastWinners,
      value: view.pastWinners
        .map(({ monthKey, winners, tied }) => {
          // A tie can be wide (everyone with one right answer): name a few, count the rest.
          const shown = winners.map((w) => `<@${w.userId}>`);
          if (tied > winners.length) shown.push(text.andMore(tied - winners.length));
          const best = winners[0]!;
          const score =
            request.by === 'points' ? `${numbers.format(best.points)} pts` : percent.format(accuracyOf(best));
          return text.winnerLine(monthName(monthKey, locale), shown.join(', '), score);
        })
        .join('\n'),
    });
  }
  return embed;
}

function periodLabel(view: LeaderboardView, locale: Locale): string {
  const text = leaderboardMessages(locale);
  if (!view.dates) return text.allTime;
  const first = formatLocalDate(view.dates.first, locale);
  const last = formatLocalDate(view.dates.last, locale);
  return view.request.period === 'week' ? text.weekRange(first, last) : text.monthRange(first, last);
}

export function scopeLabel(scope: string, locale: Locale): string {
  const text = leaderboardMessages(locale);
  if (scope.startsWith('d:')) {
    const domain = Number(scope.slice(2)) as ExamDomain;
    return text.domainScope(domain, EXAM_DOMAINS[domain]?.[locale] ?? '?');
  }
  if (scope.startsWith('t:')) return text.topicScope(scope.slice(2));
  return '';
}

/** '2026-11-23' → '23/11/2026' (pt-BR) or '11/23/2026' (en-US); the date is already local. */
function formatLocalDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function monthName(monthKey: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${monthKey}-01T00:00:00Z`),
  );
}
