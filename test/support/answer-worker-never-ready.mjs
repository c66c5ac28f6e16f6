// An answer thread that fails while it loads, before it has decided anything (test/quiz/answer-thread.test.ts).
throw new Error('this answer thread cannot start');
