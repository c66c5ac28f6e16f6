import { PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../src/deck/types';
import { AnswerThread } from '../../src/quiz/answer-thread';
import { findRunningRound, getRound } from '../../src/quiz/round-store';
import { scoreAnswer } from '../../src/quiz/scoring';
import {
  DEFAULT_MEMBER_PERMISSIONS,
  startDiscordStandIn,
  type DiscordStandIn,
  type StandInMember,
} from '../../src/stand-in';
import { removeTestDatabase, type TestBot } from '../support/test-bot';
import { multiQ, orderQ, singleQ } from '../quiz/fixtures';
import { Clock } from '../quiz/runner-harness';
import type { ManualScheduler } from '../support/manual-scheduler';
import {
  NEXT_DELAY_MS,
  answerAction,
  click,
  clickStop,
  contentOf,
  currentQuestion,
  embedOf,
  roundAnswers,
  startOptions,
  startQuizBot,
  stopOptions,
  type OpenQuestion,
} from './quiz-harness';

const questions: Question[] = [singleQ, multiQ, orderQ];
const byId = new Map(questions.map((q) => [q.id, q]));
const SECONDS = 20;
const ACCEPTED = [200, 204];
const letters = (indexes: number[], sep: string) => indexes.map((i) => 'ABCDE'[i]).join(sep);

describe('/quiz end to end through the stand-in', () => {
  let standIn: DiscordStandIn;
  let clock: Clock;
  const bots: TestBot[] = [];
  let channelId: string;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    clock = new Clock();
    channelId = standIn.guild.textChannelId;
  });
  afterEach(async () => {
    for (const bot of bots) await bot.stop();
    for (const bot of new Set(bots.map((b) => b.databasePath))) removeTestDatabase(bot);
    bots.length = 0;
    await standIn.close();
  });

  const boot = async (
    databasePath?: string,
    answerThread = false,
  ): Promise<{ bot: TestBot; scheduler: ManualScheduler }> => {
    const started = await startQuizBot(standIn, questions, clock, databasePath, answerThread);
    bots.push(started.bot);
    return started;
  };

  const startRound = async (member: StandInMember, over: Parameters<typeof startOptions>[0] = {}) => {
    const handle = standIn.runCommand({ member, name: 'quiz', options: startOptions(over) });
    const callback = await handle.callback();
    return { handle, callback };
  };

  /** Moves the clock past the deadline and lets the runner reveal; returns the edited question message. */
  const passDeadline = async (scheduler: ManualScheduler, open: OpenQuestion) => {
    clock.value = open.deadlineAt + 1;
    await scheduler.runDue();
    return standIn.messages.get(open.messageId)!;
  };

  const nextQuestion = async (bot: TestBot, scheduler: ManualScheduler) => {
    clock.advance(NEXT_DELAY_MS);
    await scheduler.runDue();
    return await currentQuestion(bot, channelId, byId);
  };

  it('plays 3 questions with 12 members: private acks, first answer counts, reveals, podium by the formula', async () => {
    const { bot, scheduler } = await boot();
    const starter = standIn.member();
    const members = Array.from({ length: 12 }, () => standIn.member());
    const start = await startRound(starter, { questions: 3, seconds: SECONDS });
    expect(start.callback.status).toBeOneOf(ACCEPTED);
    expect(contentOf(start.callback.data)).toContain('iniciou um quiz');

    let open = await currentQuestion(bot, channelId, byId);
    // A second start in the same channel is refused with a link to the running round's question.
    const second = await startRound(members[0]!);
    expect(second.callback.ephemeral).toBe(true);
    expect(contentOf(second.callback.data)).toBe(
      `Já há uma rodada em andamento neste canal: https://discord.com/channels/${standIn.guild.id}/${channelId}/${open.messageId}`,
    );
    const roundId = open.round.id;
    for (let position = 0; position < 3; position++) {
      expect(embedOf(standIn.messages.get(open.messageId)!).title).toBe(`Pergunta ${position + 1}/3`);
      const expectedRight = new Map<string, boolean>();
      for (const [i, member] of members.entries()) {
        // Members 10 and 11 never answer; member 9 skips the second question; every third one is wrong.
        if (i >= 10 || (i === 9 && position === 1)) continue;
        const right = (i + position) % 3 !== 2;
        clock.value = open.openedAt + 700 + i * 1500; // different speeds
        const handle = click(standIn, member, open, right);
        const ack = await handle.callback();
        expect(ack.status).toBeOneOf(ACCEPTED);
        expect(ack.ephemeral).toBe(true);
        const action = answerAction(open, right);
        const chosen =
          open.question.type === 'multi'
            ? letters(action.kind === 'menu' ? action.values.map(Number).sort() : [], ' + ')
            : undefined;
        expect(contentOf(ack.data)).toMatch(/^Resposta registrada: /);
        if (chosen) expect(contentOf(ack.data)).toBe(`Resposta registrada: ${chosen}`);
        expectedRight.set(member.id, right);
      }

      // A repeat click (even a different option) changes nothing and says what counted.
      const firstAck = await click(standIn, members[0]!, open, !expectedRight.get(members[0]!.id)).callback();
      expect(firstAck.status).toBeOneOf(ACCEPTED);
      expect(contentOf(firstAck.data)).toMatch(/^Você já respondeu .+; vale a primeira resposta\.$/);

      // After the deadline, before the reveal edit lands: a click is refused as closed.
      clock.value = open.deadlineAt + 1;
      const late = await click(standIn, members[11]!, open, true).callback();
      expect(contentOf(late.data)).toBe('Esta pergunta já foi encerrada; aguarde a próxima.');

      const revealed = await passDeadline(scheduler, open);
      const embed = embedOf(revealed);
      const rows = roundAnswers(bot, roundId).filter((a) => a.questionId === open.question.id);
      expect(rows).toHaveLength(expectedRight.size);
      for (const row of rows) expect(row.correct).toBe(expectedRight.get(row.userId));
      expect(embed.title).toBe(`Pergunta ${position + 1}/3 — resposta`);
      const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
      expect(fields['Explicação']).toBe(open.question.explanation);
      expect(fields['Fonte']).toBe(`${open.question.source.heading} (linha ${open.question.source.line})`);
      const correctCount = rows.filter((r) => r.correct).length;
      expect(embed.description).toContain(`${correctCount} de ${rows.length} acertaram.`);
      if (open.question.type === 'order') {
        const q = open.question;
        expect(fields['Ordem correta']).toBe(
          q.answers.map((a, i) => `${i + 1}. **${'ABCDE'[a]})** ${q.options[a]}`).join('\n'),
        );
        const label = (revealed.components as Array<{ components: Array<{ label?: string }> }>)[0]!
          .components[0]!.label;
        expect(label).toBe(`✅ ${correctCount}/${rows.length}`);
      } else {
        for (const answer of open.question.answers) {
          const picks = rows.filter((r) => r.choice.split(',').map(Number).includes(answer)).length;
          expect(embed.description).toContain(
            `✅ **${'ABCDE'[answer]})** ${open.question.options[answer]} — ${picks} resposta`,
          );
        }
      }
      const scorers = rows
        .filter((r) => r.points > 0)
        .sort((a, b) => b.points - a.points || a.responseMs - b.responseMs);
      expect(fields['Pontuaram']).toBe(scorers.map((r) => `<@${r.userId}> +${r.points}`).join('\n'));
      const buttons = (revealed.components as Array<{ components: Array<{ disabled?: boolean }> }>).flatMap(
        (r) => r.components,
      );
      expect(buttons.length).toBeGreaterThan(0);
      expect(buttons.every((b) => b.disabled === true)).toBe(true);

      if (position < 2) open = await nextQuestion(bot, scheduler);
    }

    // The podium: recompute every member's points from the recorded response times and the formula.
    expect(getRound(bot.ctx.db, roundId)!.status).toBe('finished');
    const all = roundAnswers(bot, roundId);
    const positionOf = new Map(
      (await import('../../src/quiz/round-store'))
        .roundQuestionList(bot.ctx.db, roundId)
        .map((s) => [s.questionId, s.position]),
    );
    const totals = new Map<string, number>();
    for (const member of members) {
      let streak = 0;
      const mine = all
        .filter((a) => a.userId === member.id)
        .sort((a, b) => positionOf.get(a.questionId)! - positionOf.get(b.questionId)!);
      let expectedPosition = 0;
      let total = 0;
      for (const answer of mine) {
        if (positionOf.get(answer.questionId)! !== expectedPosition) streak = 0; // a skipped question
        const score = scoreAnswer({
          correct: answer.correct,
          responseMs: answer.responseMs,
          limitMs: SECONDS * 1000,
          streakBefore: streak,
        });
        expect(answer.points).toBe(score.points);
        streak = score.streakAfter;
        total += score.points;
        expectedPosition = positionOf.get(answer.questionId)! + 1;
      }
      if (mine.length > 0) totals.set(member.id, total);
    }
    const podium = standIn.channelMessages(channelId).at(-1)!;
    const description = embedOf(podium).description!;
    expect(embedOf(podium).title).toBe('🏁 Fim da rodada');
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]);
    expect(description).toContain(`🥇 <@${ranked[0]![0]}> — **${ranked[0]![1]}** pts`);
    expect(description).toContain(`🥈 <@${ranked[1]![0]}> — **${ranked[1]![1]}** pts`);
    expect(description).toContain(`🥉 <@${ranked[2]![0]}> — **${ranked[2]![1]}** pts`);
    for (const [userId, points] of totals) expect(description).toContain(`<@${userId}> — **${points}** pts`);
    expect(description).not.toContain(members[10]!.id);

    // Exactly one answer per member per question.
    const keys = all.map((a) => `${a.questionId}:${a.userId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all).toHaveLength(10 * 3 - 1);

    // The same answers are the server's standings: /leaderboard leads with the round's winner and points.
    const board = standIn.runCommand({ member: members[0]!, name: 'leaderboard' });
    await board.callback();
    const boardText = JSON.stringify((await board.original()).embeds);
    const winnerPoints = new Intl.NumberFormat('pt-BR').format(ranked[0]![1]);
    expect(boardText).toContain(`🥇 <@${ranked[0]![0]}> — **${winnerPoints}** pts`);
  });

  it('acknowledges 50 members clicking within the same second and records 50 answers, decided on the answer thread', async () => {
    const { bot } = await boot(undefined, true);
    await startRound(standIn.member(), { questions: 1, seconds: 30 });
    const open = await currentQuestion(bot, channelId, byId);
    clock.value = open.openedAt + 3000;
    const members = Array.from({ length: 50 }, () => standIn.member());
    const handles = members.map((member, i) => click(standIn, member, open, i % 2 === 0));
    const acks = await Promise.all(handles.map((h) => h.callback()));
    expect(acks.map((a) => a.status).every((s) => ACCEPTED.includes(s))).toBe(true);
    expect(acks.every((a) => a.ephemeral && contentOf(a.data).startsWith('Resposta registrada: '))).toBe(
      true,
    );
    expect(roundAnswers(bot, open.round.id)).toHaveLength(50);
    expect(new Set(roundAnswers(bot, open.round.id).map((a) => a.userId)).size).toBe(50);
    // Decided on the answer thread (as shard processes run), not by its fallback.
    const recorder = bot.ctx.quiz.answers;
    expect(recorder instanceof AnswerThread && recorder.onThread).toBe(true);
  });

  it('survives a restart mid-question: answers kept, the round finishes, /quiz start works again', async () => {
    const first = await boot();
    const starter = standIn.member();
    const [ana, bia, caio] = [standIn.member(), standIn.member(), standIn.member()];
    await startRound(starter, { questions: 2, seconds: SECONDS });
    const open = await currentQuestion(first.bot, channelId, byId);
    clock.value = open.openedAt + 2000;
    expect((await click(standIn, ana!, open, true).callback()).status).toBeOneOf(ACCEPTED);
    clock.value = open.openedAt + 4000;
    expect((await click(standIn, bia!, open, false).callback()).status).toBeOneOf(ACCEPTED);
    await first.bot.stop();

    clock.value = open.openedAt + 6000;
    const second = await boot(first.bot.databasePath);
    expect(roundAnswers(second.bot, open.round.id)).toHaveLength(2);
    // Still open after the restart: a new answer counts, a repeat is still a repeat.
    expect(contentOf((await click(standIn, caio!, open, true).callback()).data)).toMatch(
      /^Resposta registrada/,
    );
    expect(contentOf((await click(standIn, ana!, open, false).callback()).data)).toMatch(
      /^Você já respondeu/,
    );

    const revealed = await passDeadline(second.scheduler, open);
    const scorers = embedOf(revealed).fields!.find((f) => f.name === 'Pontuaram')!.value;
    expect(scorers).toBe(`<@${ana!.id}> +950\n<@${caio!.id}> +850`);
    const next = await nextQuestion(second.bot, second.scheduler);
    expect(next.position).toBe(1);
    await passDeadline(second.scheduler, next);
    expect(getRound(second.bot.ctx.db, open.round.id)!.status).toBe('finished');
    expect(embedOf(standIn.channelMessages(channelId).at(-1)!).title).toBe('🏁 Fim da rodada');

    const again = await startRound(starter, { questions: 1 });
    expect(contentOf(again.callback.data)).toContain('iniciou um quiz');
  });

  it('closes with a reveal when the deadline passed while the bot was down', async () => {
    const first = await boot();
    await startRound(standIn.member(), { questions: 2, seconds: SECONDS });
    const open = await currentQuestion(first.bot, channelId, byId);
    clock.value = open.openedAt + 1000;
    await click(standIn, standIn.member(), open, true).callback();
    await first.bot.stop();
    clock.value = open.deadlineAt + 60_000;
    const second = await boot(first.bot.databasePath);
    const edited = standIn.messages.get(open.messageId)!;
    expect(embedOf(edited).title).toBe('Pergunta 1/2 — resposta');
    expect(second.scheduler.pending()).toEqual([clock.value + NEXT_DELAY_MS]);
  });

  it('lets only the starter or a moderator stop; a stop reveals the question and posts the podium', async () => {
    const { bot } = await boot();
    const starter = standIn.member();
    const member = standIn.member();
    await startRound(starter, { questions: 3, seconds: SECONDS });
    const open = await currentQuestion(bot, channelId, byId);
    clock.value = open.openedAt + 1000;
    await click(standIn, member, open, true).callback();

    const elsewhere = standIn.guild.channels.find((c) => c.type === 0 && c.id !== channelId)!;
    const nothing = await standIn
      .runCommand({ member, name: 'quiz', options: stopOptions, channelId: elsewhere.id })
      .callback();
    expect(contentOf(nothing.data)).toBe('Não há rodada em andamento neste canal.');

    const refusedButton = await clickStop(standIn, member, open).callback();
    expect(contentOf(refusedButton.data)).toBe(
      'Só quem iniciou a rodada ou quem pode gerenciar mensagens pode pará-la.',
    );
    const refusedCommand = await standIn
      .runCommand({ member, name: 'quiz', options: stopOptions })
      .callback();
    expect(refusedCommand.ephemeral).toBe(true);
    expect(contentOf(refusedCommand.data)).toContain('Só quem iniciou');
    expect(getRound(bot.ctx.db, open.round.id)!.status).toBe('running');

    const messagesBefore = standIn.channelMessages(channelId).length;
    const stop = standIn.runCommand({ member: starter, name: 'quiz', options: stopOptions });
    expect(contentOf((await stop.callback()).data)).toContain('Rodada parada');
    const podium = await standIn.waitForMessage(
      (m) => m.channel_id === channelId && embedOf(m).title === '⏹️ Rodada parada',
    );
    expect(embedOf(podium).description).toContain(`🥇 <@${member.id}> — **975** pts`);
    expect(embedOf(podium).description).toContain(`Parada por <@${starter.id}>`);
    expect(embedOf(standIn.messages.get(open.messageId)!).title).toBe('Pergunta 1/3 — resposta');
    expect(standIn.channelMessages(channelId).length).toBe(messagesBefore + 1);
    expect(getRound(bot.ctx.db, open.round.id)).toMatchObject({ status: 'stopped', stoppedBy: starter.id });
  });

  it('lets a moderator stop with the button', async () => {
    const { bot } = await boot();
    await startRound(standIn.member(), { questions: 2 });
    const open = await currentQuestion(bot, channelId, byId);
    const moderator = standIn.member({
      permissions: DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.ManageMessages,
    });
    const ack = await clickStop(standIn, moderator, open).callback();
    expect(contentOf(ack.data)).toContain('Rodada parada');
    await standIn.waitForMessage(
      (m) => m.channel_id === channelId && embedOf(m).title === '⏹️ Rodada parada',
    );
    expect(getRound(bot.ctx.db, open.round.id)!.status).toBe('stopped');
  });

  it('closes the round with a log line when the channel goes away mid-round', async () => {
    const { bot, scheduler } = await boot();
    await startRound(standIn.member(), { questions: 2 });
    const open = await currentQuestion(bot, channelId, byId);
    standIn.setChannelError(channelId, { status: 403, code: 50013 });
    await passDeadline(scheduler, open);
    expect(getRound(bot.ctx.db, open.round.id)!.status).toBe('stopped');
    expect(bot.logs.text()).toContain('quiz round closed: its channel cannot be used');
    standIn.setChannelError(channelId, null);
    const again = await startRound(standIn.member(), { questions: 1 });
    expect(contentOf(again.callback.data)).toContain('iniciou um quiz');
  });

  it('tells the starter when the bot may not post in the channel, and frees the channel', async () => {
    const { bot } = await boot();
    standIn.setChannelError(channelId, { status: 403, code: 50013 });
    const start = standIn.runCommand({
      member: standIn.member(),
      name: 'quiz',
      options: startOptions({ questions: 1 }),
    });
    expect(contentOf((await start.callback()).data)).toContain('iniciou um quiz');
    const followUp = await standIn.waitForMessage((m) => m.interactionId === start.id && m.ephemeral);
    expect(followUp.content).toContain('Não consegui postar a pergunta neste canal');
    expect(findRunningRound(bot.ctx.db, channelId)).toBeUndefined();
  });

  it('says so when the filter leaves too few questions, and in English for English members', async () => {
    await boot();
    const few = await startRound(standIn.member(), { questions: 5, domain: 1 });
    expect(contentOf(few.callback.data)).toBe(
      'Só 2 perguntas combinam com esse filtro (você pediu 5). Use `questions:2` ou outro filtro.',
    );
    const en = await startRound(standIn.member({ locale: 'en-US' }), { questions: 5, domain: 3 });
    expect(contentOf(en.callback.data)).toBe('No question matches that filter. Try another topic or domain.');
  });

  it('autocompletes topics', async () => {
    await boot();
    const handle = standIn.autocomplete({
      member: standIn.member(),
      name: 'quiz',
      options: [
        { name: 'start', type: 1, options: [{ name: 'topic', type: 3, value: 'metr', focused: true }] },
      ],
    });
    const callback = await handle.callback();
    expect(callback.data).toEqual({ choices: [{ name: 'Métricas', value: 'Métricas' }] });
  });
});
