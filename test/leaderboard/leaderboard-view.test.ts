import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLeaderboardView, type LeaderboardRequest } from '../../src/leaderboard/leaderboard-view';
import { renderLeaderboard } from '../../src/leaderboard/render-leaderboard';
import { createTempDb } from '../support/temp-db';
import { seedAnswer, seedGuild } from '../support/seed-answers';

/** What /leaderboard replies at `now`: the view the command builds, rendered as the embed JSON. */
function leaderboardAt(
  temp: ReturnType<typeof createTempDb>,
  request: Partial<LeaderboardRequest> & { now: number; timeZone: string },
) {
  const view = buildLeaderboardView(temp.stores.leaderboard, {
    guildId: 'g1',
    userId: 'caller',
    period: 'week',
    scope: '',
    by: 'points',
    minAnswers: 10,
    ...request,
  });
  const embed = renderLeaderboard(view, 'pt-BR').toJSON();
  return {
    view,
    embed,
    text: `${embed.description}\n${(embed.fields ?? []).map((f) => `${f.name}: ${f.value}`).join('\n')}`,
  };
}

describe('/leaderboard across period boundaries', () => {
  let temp: ReturnType<typeof createTempDb>;
  afterEach(() => temp.cleanup());

  describe('America/Sao_Paulo (UTC-3)', () => {
    const timeZone = 'America/Sao_Paulo';
    beforeEach(() => {
      temp = createTempDb();
      seedGuild(temp.db, timeZone);
    });

    // Sunday 2026-11-29 23:30 in São Paulo is Monday 02:30 UTC.
    const sundayNight = Date.UTC(2026, 10, 30, 2, 30);
    const localMondayMidnight = Date.UTC(2026, 10, 30, 3, 0);

    it('counts a Sunday 23:30 answer in the old week, and the new week starts empty at local midnight', () => {
      seedAnswer(temp, { userId: 'night-owl', answeredAt: sundayNight, points: 700 });

      const sunday = leaderboardAt(temp, { timeZone, now: sundayNight + 10 * 60_000 });
      expect(sunday.view.periodKey).toBe('2026-W48');
      expect(sunday.view.dates).toEqual({ first: '2026-11-23', last: '2026-11-29' });
      expect(sunday.embed.description).toContain('Semana de 23/11/2026 a 29/11/2026');
      expect(sunday.embed.description).toContain('🥇 <@night-owl> — **700** pts');

      const monday = leaderboardAt(temp, { timeZone, now: localMondayMidnight });
      expect(monday.view.periodKey).toBe('2026-W49');
      expect(monday.view.top).toEqual([]);
      expect(monday.embed.description).toContain(
        'Ninguém respondeu nada nesta semana ainda — comece um /quiz!',
      );
      expect(monday.embed.fields ?? []).toEqual([]);

      // Still November locally, so the month view keeps the answer.
      const month = leaderboardAt(temp, { timeZone, now: localMondayMidnight, period: 'month' });
      expect(month.view.top.map((r) => r.userId)).toEqual(['night-owl']);

      // An answer a minute after local midnight opens the new week.
      seedAnswer(temp, { userId: 'early-bird', answeredAt: localMondayMidnight + 60_000 });
      const later = leaderboardAt(temp, { timeZone, now: localMondayMidnight + 120_000 });
      expect(later.view.top.map((r) => r.userId)).toEqual(['early-bird']);
    });

    it('starts a new month at local midnight and shows last month among past winners', () => {
      // Monday 2026-11-30 23:30 local = Tuesday 2026-12-01 02:30 UTC: still November here.
      seedAnswer(temp, { userId: 'november', answeredAt: Date.UTC(2026, 11, 1, 2, 30), points: 900 });
      seedAnswer(temp, { userId: 'october', answeredAt: Date.UTC(2026, 9, 10, 12), points: 300 });
      seedAnswer(temp, { userId: 'october-too', answeredAt: Date.UTC(2026, 9, 11, 12), points: 300 });
      seedAnswer(temp, { userId: 'august', answeredAt: Date.UTC(2026, 7, 11, 12), points: 50 });

      const lastNight = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 11, 1, 2, 59), period: 'month' });
      expect(lastNight.view.periodKey).toBe('2026-11');
      expect(lastNight.view.top.map((r) => r.userId)).toEqual(['november']);

      const december = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 11, 1, 3, 0), period: 'month' });
      expect(december.view.periodKey).toBe('2026-12');
      expect(december.view.top).toEqual([]);
      expect(december.embed.description).toContain('Ninguém respondeu nada neste mês ainda');
      expect(december.view.pastWinners).toEqual([
        { monthKey: '2026-11', winners: [expect.objectContaining({ userId: 'november', rank: 1 })], tied: 1 },
        {
          monthKey: '2026-10',
          winners: [
            expect.objectContaining({ userId: 'october', rank: 1 }),
            expect.objectContaining({ userId: 'october-too', rank: 1 }),
          ],
          tied: 2,
        },
      ]);
      expect(december.text).toContain(
        'Campeões dos meses anteriores: **novembro de 2026**: <@november> (900 pts)',
      );
      expect(december.text).toContain('**outubro de 2026**: <@october>, <@october-too> (300 pts)');
      // August is four months back: only the last three months are shown.
      expect(december.text).not.toContain('august');
    });
  });

  describe('Europe/Lisbon (DST)', () => {
    const timeZone = 'Europe/Lisbon';
    beforeEach(() => {
      temp = createTempDb();
      seedGuild(temp.db, timeZone);
    });

    it('starts the summer week at local midnight, an hour before UTC midnight', () => {
      // Monday 2026-10-19 00:30 WEST = Sunday 23:30 UTC: a new week in Lisbon.
      seedAnswer(temp, { userId: 'monday', answeredAt: Date.UTC(2026, 9, 18, 23, 30) });
      // Sunday 2026-10-18 22:30 WEST = 21:30 UTC: the old week.
      seedAnswer(temp, { userId: 'sunday', answeredAt: Date.UTC(2026, 9, 18, 21, 30) });
      const view = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 9, 18, 23, 45) });
      expect(view.view.periodKey).toBe('2026-W43');
      expect(view.view.top.map((r) => r.userId)).toEqual(['monday']);
      const before = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 9, 18, 22, 59) });
      expect(before.view.periodKey).toBe('2026-W42');
      expect(before.view.top.map((r) => r.userId)).toEqual(['sunday']);
    });

    it('keeps the 25-hour Sunday when DST ends inside the week, then starts empty', () => {
      // DST ends 2026-10-25; that Sunday 23:30 WET is 23:30 UTC.
      seedAnswer(temp, { userId: 'dst-sunday', answeredAt: Date.UTC(2026, 9, 25, 23, 30) });
      const sunday = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 9, 25, 23, 59) });
      expect(sunday.view.periodKey).toBe('2026-W43');
      expect(sunday.view.top.map((r) => r.userId)).toEqual(['dst-sunday']);
      const monday = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 9, 26, 0, 0) });
      expect(monday.view.periodKey).toBe('2026-W44');
      expect(monday.view.top).toEqual([]);
    });

    it('starts the month at local midnight in summer time', () => {
      // 2026-04-01 00:30 WEST = 2026-03-31 23:30 UTC: April in Lisbon.
      seedAnswer(temp, { userId: 'april', answeredAt: Date.UTC(2026, 2, 31, 23, 30) });
      const view = leaderboardAt(temp, { timeZone, now: Date.UTC(2026, 2, 31, 23, 40), period: 'month' });
      expect(view.view.periodKey).toBe('2026-04');
      expect(view.view.top.map((r) => r.userId)).toEqual(['april']);
      expect(view.embed.description).toContain('Mês de 01/04/2026 a 30/04/2026');
    });
  });
});

describe('/leaderboard contents', () => {
  let temp: ReturnType<typeof createTempDb>;
  const timeZone = 'America/Sao_Paulo';
  const now = Date.UTC(2026, 10, 27, 15);
  beforeEach(() => {
    temp = createTempDb();
    seedGuild(temp.db, timeZone);
  });
  afterEach(() => temp.cleanup());

  it("shows the top 10 with medals and the caller's own line when lower (15 members)", () => {
    for (let i = 1; i <= 14; i += 1) {
      seedAnswer(temp, { userId: `m${i}`, points: 2000 - i * 100, answeredAt: now - i * 60_000 });
    }
    seedAnswer(temp, { userId: 'caller', points: 150, answeredAt: now - 3600_000 });
    seedAnswer(temp, { userId: 'caller', correct: false, answeredAt: now - 3500_000 });
    const { view, embed } = leaderboardAt(temp, { timeZone, now });
    const lines = embed.description!.split('\n').filter((l) => l.includes('<@'));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('🥇 <@m1> — **1.900** pts · 100% de acerto · 1 resposta');
    expect(lines[1]).toMatch(/^🥈 <@m2>/);
    expect(lines[2]).toMatch(/^🥉 <@m3>/);
    expect(lines[3]).toMatch(/^\*\*4\.\*\* <@m4>/);
    expect(lines[9]).toMatch(/^\*\*10\.\*\* <@m10>/);
    expect(view.caller).toMatchObject({ ranked: true, rank: 15 });
    expect(embed.fields).toEqual([
      { name: 'Sua posição', value: '**15.** <@caller> — **150** pts · 50% de acerto · 2 respostas' },
    ]);
    expect(embed.footer?.text).toBe('Fuso horário do servidor: America/Sao_Paulo');
  });

  it('does not repeat the caller when already in the top 10, and speaks English to English clients', () => {
    seedAnswer(temp, { userId: 'caller', answeredAt: now - 60_000 });
    const view = buildLeaderboardView(temp.stores.leaderboard, {
      guildId: 'g1',
      userId: 'caller',
      period: 'week',
      scope: '',
      by: 'points',
      minAnswers: 10,
      timeZone,
      now,
    });
    const embed = renderLeaderboard(view, 'en-US').toJSON();
    expect(embed.fields ?? []).toEqual([]);
    expect(embed.title).toBe('🏆 Server leaderboard');
    expect(embed.description).toContain('Week of 11/23/26 to 11/29/26');
    expect(embed.description).toContain('🥇 <@caller> — **100** pts · 100% correct · 1 answer');
  });

  it('ranks by accuracy only members with the minimum answers and tells the caller how many they need', () => {
    for (let i = 0; i < 10; i += 1)
      seedAnswer(temp, { userId: 'steady', correct: i < 8, answeredAt: now - 1000 * i });
    for (let i = 0; i < 12; i += 1)
      seedAnswer(temp, { userId: 'sharp', correct: i < 11, answeredAt: now - 1000 * i });
    for (let i = 0; i < 3; i += 1) seedAnswer(temp, { userId: 'caller', answeredAt: now - 1000 * i });
    const { view, embed } = leaderboardAt(temp, { timeZone, now, by: 'accuracy' });
    expect(view.top.map((r) => [r.userId, r.rank])).toEqual([
      ['sharp', 1],
      ['steady', 2],
    ]);
    expect(embed.description).toContain('por acerto (mínimo de 10 respostas)');
    expect(embed.fields?.[0]?.value).toContain(
      'Você tem 3 respostas; o ranking por acerto pede pelo menos 10.',
    );

    const lower = leaderboardAt(temp, { timeZone, now, by: 'accuracy', minAnswers: 3 });
    expect(lower.view.top.map((r) => r.userId)).toEqual(['caller', 'sharp', 'steady']);

    const nobody = leaderboardAt(temp, { timeZone, now, by: 'accuracy', minAnswers: 50 });
    expect(nobody.embed.description).toContain('Ninguém chegou a 50 respostas neste período ainda');
  });

  it('names at most five tied past winners and counts the rest', () => {
    for (let i = 1; i <= 9; i += 1) {
      // Two of them answer twice, right then wrong: same points, lower accuracy.
      if (i > 7)
        seedAnswer(temp, { userId: `tie${i}`, correct: false, answeredAt: Date.UTC(2026, 9, 10, 15) });
      seedAnswer(temp, { userId: `tie${i}`, points: 400, answeredAt: Date.UTC(2026, 9, 10 + i, 15) });
    }
    const { text } = leaderboardAt(temp, { timeZone, now });
    expect(text).toContain(
      '**outubro de 2026**: <@tie1>, <@tie2>, <@tie3>, <@tie4>, <@tie5>, e mais 4 (400 pts)',
    );
    const accuracy = leaderboardAt(temp, { timeZone, now, by: 'accuracy', minAnswers: 1 });
    expect(accuracy.text).toContain('e mais 2 (100%)');
    const bar = leaderboardAt(temp, { timeZone, now, by: 'accuracy', minAnswers: 2 });
    expect(bar.text).toContain('**outubro de 2026**: <@tie8>, <@tie9> (50%)');
  });

  it('narrows to a topic or a domain', () => {
    seedAnswer(temp, { userId: 'ml', topic: 'Machine Learning', domain: 1, points: 500, answeredAt: now });
    seedAnswer(temp, { userId: 'iam', topic: 'IAM', domain: 5, points: 200, answeredAt: now });
    const topic = leaderboardAt(temp, { timeZone, now, scope: 't:IAM' });
    expect(topic.view.top.map((r) => r.userId)).toEqual(['iam']);
    expect(topic.embed.description).toContain('Tópico: IAM');
    const domain = leaderboardAt(temp, { timeZone, now, scope: 'd:1' });
    expect(domain.view.top.map((r) => r.userId)).toEqual(['ml']);
    expect(domain.embed.description).toContain('Domínio 1: Fundamentos de IA e ML');
    const empty = leaderboardAt(temp, { timeZone, now, scope: 'd:3' });
    expect(empty.view.top).toEqual([]);
  });
});
