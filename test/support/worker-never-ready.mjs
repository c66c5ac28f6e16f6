// A worker thread that fails while it loads, before it has done anything (test/quiz/answer-thread.test.ts,
// test/leaderboard/rebuild-thread.test.ts).
throw new Error('this thread cannot start');
