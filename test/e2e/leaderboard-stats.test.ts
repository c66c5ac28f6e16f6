import { eq } from 'drizzle-orm';
import { MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guilds } from '../../src/db/schema';
import type { DeckIndex } from '../../src/deck';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { seedAnswer } from '../support/seed-answers';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';

const EPHEMERAL = MessageFlags.Ephemeral as number;
const STRING = 3;
const INTEGER = 4;
const USER = 6;

/** Only what /leaderboard and /stats read from the deck: the topic names. */
const deck = {
  deck: { notesSha256: 'test', questions: [], services: [] },
  questionById: new Map(),
  servicesByName: new Map(),
  questionsByTopic: new Map(),
  questionsByDomain: new Map(),
  topics: ['Machine Learning', 'Segurança e IAM', 'Avaliação de modelos'],
} as unknown as DeckIndex;

interface EmbedJson {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

describe('/leaderboard and /stats through the Discord stand-in', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;
  // Sunday 2026-11-29 23:40 in São Paulo (Monday 02:40 UTC); tests move the clock.
  let clock = 0;

  beforeEach(async () => {
    clock = Date.UTC(2026, 10, 30, 2, 40);
    standIn = await startDiscordStandIn();
    bot = await startTestBot(standIn, { deck, now: () => clock });
    const { db } = bot.ctx;
    ensureGuild(db, standIn.guild.id, 'America/Sao_Paulo', 0);
    db.update(guilds).set({ timezone: 'America/Sao_Paulo' }).where(eq(guilds.id, standIn.guild.id)).run();
  });
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    bot = undefined;
    await standIn.close();
  });

  const seed = (
    userId: string,
    points: number,
    answeredAt: number,
    over: Parameters<typeof seedAnswer>[1] = { userId },
  ) => seedAnswer(bot!.ctx, { guildId: standIn.guild.id, points, answeredAt, ...over, userId });

  it("shows this week's top 10 with the caller's own line, and an empty new week after local midnight", async () => {
    const caller = standIn.member({ username: 'ana' });
    const sundayNight = Date.UTC(2026, 10, 30, 2, 30); // Sunday 23:30 local
    for (let i = 1; i <= 14; i += 1)
      seed(`10000000000000${String(i).padStart(4, '0')}`, 2000 - i * 100, sundayNight);
    seed(caller.id, 100, sundayNight);
    seed(caller.id, 0, sundayNight, { userId: caller.id, correct: false });

    const run = standIn.runCommand({ member: caller, name: 'leaderboard' });
    const reply = await run.callback();
    expect(reply.ephemeral).toBe(false);
    const [embed] = (await run.original()).embeds as EmbedJson[];
    expect(embed?.title).toBe('🏆 Ranking do servidor');
    expect(embed?.description).toContain('Semana de 23/11/2026 a 29/11/2026');
    expect(embed?.description).toContain(
      '🥇 <@100000000000000001> — **1.900** pts · 100% de acerto · 1 resposta',
    );
    expect(embed?.description?.match(/<@\d+>/g)).toHaveLength(10);
    expect(embed?.fields).toEqual([
      { name: 'Sua posição', value: `**15.** <@${caller.id}> — **100** pts · 50% de acerto · 2 respostas` },
    ]);
    expect(embed?.footer?.text).toBe('Fuso horário do servidor: America/Sao_Paulo');

    clock = Date.UTC(2026, 10, 30, 3, 5); // Monday 00:05 local
    const monday = standIn.runCommand({ member: caller, name: 'leaderboard', locale: 'en-US' });
    await monday.callback();
    const [empty] = (await monday.original()).embeds as EmbedJson[];
    expect(empty?.description).toContain('No answers yet this week — start a /quiz!');
    expect(empty?.description).toContain('Week of 11/30/26 to 12/6/26');
  });

  it('narrows to a topic typed without accents, by accuracy with a minimum, and autocompletes topics', async () => {
    const caller = standIn.member({ username: 'bia' });
    const t = Date.UTC(2026, 10, 27, 15);
    for (let i = 0; i < 4; i += 1)
      seed(caller.id, 100, t + i, { userId: caller.id, topic: 'Segurança e IAM', domain: 5 });
    seed('200000000000000001', 100, t, { userId: '200000000000000001', topic: 'Machine Learning' });

    const suggestions = standIn.autocomplete({
      member: caller,
      name: 'leaderboard',
      options: [{ name: 'topic', type: STRING, value: 'seguranca', focused: true }],
    });
    expect((await suggestions.callback()).data).toEqual({
      choices: [{ name: 'Segurança e IAM', value: 'Segurança e IAM' }],
    });

    const run = standIn.runCommand({
      member: caller,
      name: 'leaderboard',
      options: [
        { name: 'topic', type: STRING, value: 'SEGURANCA E IAM' },
        { name: 'by', type: STRING, value: 'accuracy' },
        { name: 'min-answers', type: INTEGER, value: 3 },
      ],
    });
    await run.callback();
    const [embed] = (await run.original()).embeds as EmbedJson[];
    expect(embed?.description).toContain('por acerto (mínimo de 3 respostas) · Tópico: Segurança e IAM');
    expect(embed?.description).toContain(`🥇 <@${caller.id}>`);
    expect(embed?.description).not.toContain('200000000000000001');

    const unknown = standIn.runCommand({
      member: caller,
      name: 'leaderboard',
      options: [{ name: 'topic', type: STRING, value: 'xyz' }],
    });
    const refused = await unknown.callback();
    expect(refused.ephemeral).toBe(true);
    expect(refused.data).toMatchObject({
      content: 'Não conheço o tópico "xyz". Escolha um da lista de sugestões.',
      flags: EPHEMERAL,
    });
  });

  it("/stats shows a member's figures privately, and a friendly note for someone without answers", async () => {
    const caller = standIn.member({ username: 'caio' });
    const other = standIn.member({ username: 'duda' });
    const t = Date.UTC(2026, 10, 27, 15);
    [true, true, true, false, true].forEach((correct, i) =>
      seed(caller.id, correct ? 100 : 0, t + i * 1000, {
        userId: caller.id,
        correct,
        topic: 'Machine Learning',
        domain: 1,
      }),
    );
    seed(caller.id, 100, Date.UTC(2026, 10, 29, 15), {
      userId: caller.id,
      kind: 'daily',
      domain: 2,
      topic: 'Avaliação de modelos',
    });
    seed(caller.id, 100, Date.UTC(2026, 10, 30, 2, 30), {
      userId: caller.id,
      kind: 'daily',
      domain: 2,
      topic: 'Avaliação de modelos',
    });
    clock = Date.UTC(2026, 10, 30, 15);

    const run = standIn.runCommand({ member: caller, name: 'stats' });
    const reply = await run.callback();
    expect(reply.ephemeral).toBe(true);
    const [embed] = (await run.original()).embeds as EmbedJson[];
    const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value;
    expect(embed?.title).toBe('📊 Estatísticas de caio');
    expect(field('Respostas')).toBe('7');
    expect(field('Pontos')).toBe('600');
    expect(field('Maior sequência de acertos (rodadas)')).toBe('3');
    // Sunday 12:00 and Sunday 23:30 local (Monday in UTC) are one local day; today (Monday) is still open.
    expect(field('Sequência da pergunta do dia')).toBe('1 dia');
    expect(field('Acerto por domínio do exame')).toContain('`████████░░ 80% (4/5)`');
    expect(field('Tópicos para revisar')).toBe('• Machine Learning — `████████░░ 80% (4/5)`');

    const nobody = standIn.runCommand({
      member: caller,
      name: 'stats',
      options: [{ name: 'member', type: USER, value: other.id }],
    });
    expect((await nobody.callback()).data).toMatchObject({
      content: `<@${other.id}> ainda não respondeu nenhuma pergunta neste servidor. Que tal começar um /quiz?`,
    });
  });
});
