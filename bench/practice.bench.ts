import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeChoice } from '../src/answers/choice';
import { renderChartPng } from '../src/charts/chart';
import { createStores } from '../src/app/stores';
import { closeDatabase, openDatabase } from '../src/db/database';
import { createDeckIndex, loadDeck } from '../src/deck';
import { seededRandom } from '../src/deck/random';
import { drawMock } from '../src/mock/draw';
import { finishMock, startOrResumeMock, actOnMock } from '../src/mock/mock';
import { scoreMock } from '../src/mock/scoring';
import { answerPracticeItem, currentItem, startOrResume } from '../src/practice/practice';
import { chooseNextItem, chooseNextItemFrom } from '../src/practice/select';

const REVIEWS = 10_000;
const SESSION = 25;
const RUNS = 2_000;
const member = { guildId: 'bench-guild', userId: 'bench-user' };

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(3)} ms · p95 ${at(0.95).toFixed(3)} ms · max ${at(1).toFixed(3)} ms (n=${samples.length})`;
}

function time(runs: number, fn: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

/**
 * /practice: choosing the next item for a member with 10,000 review events (the cards are their fold,
 * kept with each review), and /mock: scoring and closing a whole 65-item mock.
 */
export async function run(): Promise<void> {
  const deck = createDeckIndex(loadDeck());
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-bench-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const data = { db, stores: createStores(db) };
  try {
    const random = seededRandom('practice-bench');
    let now = Date.UTC(2026, 0, 1, 12);
    let reviews = 0;
    const fillStarted = performance.now();
    // 10,000 reviews through the real path: sessions of 25, one a day, ~75% right at a normal pace.
    while (reviews < REVIEWS) {
      startOrResume(data, deck, member, SESSION, now, random);
      for (let i = 0; i < SESSION && reviews < REVIEWS; i++) {
        const current = currentItem(
          data,
          deck,
          startOrResume(data, deck, member, SESSION, now, random).session,
          now,
          random,
        );
        if (current.kind !== 'item') break;
        const q = current.question;
        const right = random() < 0.75;
        const choice = right ? q.answers : q.answers.map((a) => (a + 1) % q.options.length);
        const input =
          q.type === 'order' || q.type === 'match'
            ? { full: choice }
            : q.type === 'multi'
              ? {
                  values: (right
                    ? q.answers
                    : [...new Set([...q.answers.slice(1), (q.answers[0]! + 1) % q.options.length])].length ===
                        q.answers.length
                      ? [...new Set([...q.answers.slice(1), (q.answers[0]! + 1) % q.options.length])]
                      : q.answers
                  ).map(String),
                }
              : { button: choice[0]! };
        now += 20_000 + Math.floor(random() * 60_000);
        const r = answerPracticeItem(
          data,
          deck,
          { sessionId: current.session.id, position: current.item.position, member, choice: input },
          now,
        );
        if (r.status === 'answered') reviews += 1;
      }
      now += 86_400_000;
    }
    const cards = data.stores.cards.cards(member);
    console.log(
      `filled ${reviews} reviews (${cards.length} cards) through answerPracticeItem in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
    );
    const fill = time(1, () => undefined);
    void fill;

    const pool = deck.examTier;
    const exclude = new Set<string>();
    console.log(
      `chooseNextItem (cards in memory):        ${stats(time(RUNS, () => chooseNextItem({ pool, cards, questionById: deck.questionById, exclude, now, random })))}`,
    );
    const fromSqlite = (at: number) =>
      chooseNextItemFrom({
        pool,
        due: () => data.stores.cards.dueCards(member, at),
        tallies: () => data.stores.cards.tallies(member),
        all: () => data.stores.cards.cards(member),
        questionById: deck.questionById,
        exclude,
        now: at,
        random,
      });
    const dueNow = data.stores.cards.dueCards(member, now).length;
    console.log(`next item from SQLite (${dueNow} due now):     ${stats(time(RUNS, () => fromSqlite(now)))}`);
    const early = Date.UTC(2025, 0, 1);
    console.log(`next item from SQLite (none due: new):   ${stats(time(RUNS, () => fromSqlite(early)))}`);
    console.log(
      `loadCards (all ${cards.length}, for comparison):       ${stats(time(RUNS, () => data.stores.cards.cards(member)))}`,
    );
    // The whole "Next" click: session items, cards, choice and the stored item, in one transaction.
    const nextSamples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const session = startOrResume(data, deck, member, SESSION, now, random).session;
      const t = performance.now();
      const current = currentItem(data, deck, session, now, random);
      nextSamples.push(performance.now() - t);
      if (current.kind === 'item') {
        answerPracticeItem(
          data,
          deck,
          {
            sessionId: session.id,
            position: current.item.position,
            member,
            choice:
              current.question.type === 'single'
                ? { button: current.question.answers[0]! }
                : current.question.type === 'multi'
                  ? { values: current.question.answers.map(String) }
                  : { full: current.question.answers },
          },
          now + 30_000,
        );
      }
      now += 60_000;
    }
    console.log(`currentItem ("Next" click, with insert):   ${stats(nextSamples)}`);

    // Mock: score 65 items (pure), then close whole mocks (score + 65 answer events in one transaction).
    const items = drawMock(pool, seededRandom('mock-bench')).map((q, position) => ({
      position,
      questionId: q.id,
      choice: position % 3 === 0 ? null : storeChoice(q.answers),
    }));
    console.log(
      `scoreMock (65 items):                     ${stats(time(RUNS, () => scoreMock(items, deck.questionById)))}`,
    );
    const closeSamples: number[] = [];
    for (let m = 0; m < 100; m++) {
      const started = startOrResumeMock(
        data,
        deck,
        { ...member, userId: `mock-${m}` },
        { now, minutes: 90, random },
      );
      for (let p = 0; p < 65; p += 1) {
        const q = deck.questionById.get(started.items[p]!.questionId)!;
        actOnMock(
          data,
          deck,
          {
            mockId: started.mock.id,
            member: { ...member, userId: `mock-${m}` },
            action: {
              kind: 'answer',
              position: p,
              choice:
                q.type === 'single'
                  ? { button: q.answers[0]! }
                  : q.type === 'multi'
                    ? { values: q.answers.map(String) }
                    : { full: q.answers },
            },
          },
          now,
        );
      }
      const t = performance.now();
      finishMock(data, deck, started.mock.id, 'submitted', now + 1);
      closeSamples.push(performance.now() - t);
      if (m === 0 && data.stores.mocks.items(started.mock.id).some((i) => i.choice === null))
        throw new Error('unanswered item');
    }
    console.log(`finishMock (score + 65 answers, SQLite):  ${stats(closeSamples)}`);
    const chartSpec = {
      bars: {
        title: 'Resultado por domínio',
        passMark: 700,
        bars: [1, 2, 3, 4, 5].map((d) => ({ label: `${d}. domínio`, value: 500 + d * 80 })),
      },
    };
    renderChartPng(chartSpec);
    console.log(
      `renderChartPng (mock result chart):       ${stats(time(50, () => renderChartPng(chartSpec)))}`,
    );
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}
