import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPosts } from '../../src/db/schema';
import { memberStats } from '../../src/stats/member-stats';
import { renderStats } from '../../src/stats/render-stats';
import { createTempDb } from '../support/temp-db';
import { seedAnswer, seedGuild } from '../support/seed-answers';

describe('memberStats', () => {
  let temp: ReturnType<typeof createTempDb>;
  afterEach(() => temp.cleanup());

  describe('totals, streaks, domains and weak topics', () => {
    beforeEach(() => {
      temp = createTempDb();
      seedGuild(temp.db, 'UTC');
    });
    const t0 = Date.UTC(2026, 10, 20, 12);

    it('returns null for a member without answers', () => {
      seedAnswer(temp, { userId: 'someone-else' });
      expect(memberStats(temp.db, { guildId: 'g1', userId: 'u1', timeZone: 'UTC', now: t0 })).toBeNull();
    });

    it('adds up answers and finds the best round streak in time order, ignoring daily answers', () => {
      // Recorded out of time order on purpose: the streak follows answered_at.
      const results = [true, true, false, true, true, true, true, false, true];
      results.forEach((correct, i) =>
        seedAnswer(temp, { userId: 'u1', correct, answeredAt: t0 + (results.length - i) * 1000 }),
      );
      // Reversed: T F T T T T F T T → best 4; a wrong daily answer between does not break round runs.
      seedAnswer(temp, { userId: 'u1', kind: 'daily', correct: false, answeredAt: t0 + 4500 });
      const stats = memberStats(temp.db, { guildId: 'g1', userId: 'u1', timeZone: 'UTC', now: t0 });
      expect(stats).toMatchObject({ answered: 10, correct: 7, points: 700, bestRoundStreak: 4 });
    });

    it('tallies accuracy per exam domain and names the weakest topics', () => {
      const seed = (topic: string, domain: number, correct: number, wrong: number) => {
        for (let i = 0; i < correct; i += 1) seedAnswer(temp, { userId: 'u1', topic, domain, correct: true });
        for (let i = 0; i < wrong; i += 1) seedAnswer(temp, { userId: 'u1', topic, domain, correct: false });
      };
      seed('Machine Learning', 1, 6, 4);
      seed('Métricas', 1, 6, 4);
      seed('IAM', 5, 1, 3);
      seed('Bedrock', 3, 2, 1);
      seed('Prompting', 3, 0, 2); // only 2 answers: not judged yet
      const stats = memberStats(temp.db, { guildId: 'g1', userId: 'u1', timeZone: 'UTC', now: t0 })!;
      expect(stats.domains).toEqual([
        { domain: 1, answered: 20, correct: 12 },
        { domain: 2, answered: 0, correct: 0 },
        { domain: 3, answered: 5, correct: 2 },
        { domain: 4, answered: 0, correct: 0 },
        { domain: 5, answered: 4, correct: 1 },
      ]);
      expect(stats.weakestTopics.map((t) => t.topic)).toEqual(['IAM', 'Machine Learning', 'Métricas']);

      const embed = renderStats(stats, 'Ana', 'pt-BR').toJSON();
      const field = (name: string) => embed.fields?.find((f) => f.name === name)?.value;
      expect(embed.title).toBe('📊 Estatísticas de Ana');
      expect(field('Respostas')).toBe('29');
      expect(field('Acerto')).toMatch(/^52\s?%$/);
      expect(field('Acerto por domínio do exame')).toContain(
        '**1. Fundamentos de IA e ML**\n`██████░░░░ 60% (12/20)`',
      );
      expect(field('Acerto por domínio do exame')).toContain(
        '**2. Fundamentos de IA generativa**\n_sem respostas_',
      );
      expect(field('Tópicos para revisar')).toBe(
        '• IAM — `███░░░░░░░ 25% (1/4)`\n• Machine Learning — `██████░░░░ 60% (6/10)`\n• Métricas — `██████░░░░ 60% (6/10)`',
      );
      expect(renderStats(stats, 'Ana', 'en-US').toJSON().fields?.[5]?.name).toBe('Accuracy per exam domain');
    });
  });

  describe('daily-question streak across a week boundary', () => {
    it('counts Sunday 23:30 in São Paulo as Sunday, not as Monday (UTC)', () => {
      temp = createTempDb();
      seedGuild(temp.db, 'America/Sao_Paulo');
      const local = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 3, minute);
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: local(27, 12) }); // Fri
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: local(28, 12) }); // Sat
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: local(29, 23, 30) }); // Sun 23:30 = Mon UTC
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: local(30, 0, 30) }); // Mon 00:30
      const at = (now: number) =>
        memberStats(temp.db, { guildId: 'g1', userId: 'u1', timeZone: 'America/Sao_Paulo', now })!
          .dailyStreak;
      expect(at(local(30, 10))).toBe(4);
      // Tuesday without an answer yet: the streak still stands through Monday; Wednesday it is gone.
      expect(at(local(31, 20))).toBe(4); // 2026-11-31 is 1 December
      expect(at(Date.UTC(2026, 11, 2, 3, 0))).toBe(0); // Wednesday 00:00 local
      // Sunday night before local midnight: Fri, Sat, Sun.
      expect(at(local(29, 23, 45))).toBe(3);
    });

    it("counts an answer to yesterday's question of the day on the question's own day", () => {
      temp = createTempDb();
      seedGuild(temp.db, 'America/Sao_Paulo');
      const post = (localDate: string) =>
        temp.db
          .insert(dailyPosts)
          .values({ guildId: 'g1', kind: 'question', localDate, channelId: 'c', subject: 'q', postedAt: 0 })
          .returning({ id: dailyPosts.id })
          .get().id;
      const sunday = post('2026-11-29');
      const monday = post('2026-11-30');
      // Sunday's question answered Monday 08:00 local, Monday's at 12:00 local.
      seedAnswer(temp, {
        userId: 'u1',
        kind: 'daily',
        dailyPostId: sunday,
        answeredAt: Date.UTC(2026, 10, 30, 11),
      });
      seedAnswer(temp, {
        userId: 'u1',
        kind: 'daily',
        dailyPostId: monday,
        answeredAt: Date.UTC(2026, 10, 30, 15),
      });
      const stats = memberStats(temp.db, {
        guildId: 'g1',
        userId: 'u1',
        timeZone: 'America/Sao_Paulo',
        now: Date.UTC(2026, 10, 30, 20),
      });
      expect(stats?.dailyStreak).toBe(2);
    });

    it('counts Monday 00:30 summer time in Lisbon as Monday, though it is Sunday in UTC', () => {
      temp = createTempDb();
      seedGuild(temp.db, 'Europe/Lisbon');
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: Date.UTC(2026, 9, 17, 11) }); // Sat
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: Date.UTC(2026, 9, 18, 11) }); // Sun
      seedAnswer(temp, { userId: 'u1', kind: 'daily', answeredAt: Date.UTC(2026, 9, 18, 23, 30) }); // Mon 00:30 WEST
      const stats = memberStats(temp.db, {
        guildId: 'g1',
        userId: 'u1',
        timeZone: 'Europe/Lisbon',
        now: Date.UTC(2026, 9, 19, 9),
      });
      expect(stats?.dailyStreak).toBe(3);
    });
  });
});
