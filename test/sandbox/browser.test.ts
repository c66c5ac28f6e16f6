import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeckIndex, loadDeck } from '../../src/deck';
import { createLogger } from '../../src/shared/logger';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/sandbox';
import { findChromium } from './chromium';

// The sandbox page in real headless Chromium: a visitor plays a round, sees the reveal and the podium,
// checks the leaderboard and answers a question of the day. It also writes the README's screenshots.

const executablePath = findChromium();
if (!executablePath) {
  // eslint-disable-next-line no-console -- a skipped browser test must say why
  console.warn('SKIPPED sandbox browser test: no chromium binary found (apt-get install -y chromium).');
}
// `npm run screenshots` refreshes the committed ones; a plain test run keeps the work tree clean.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'exam-drill-screenshots-'));

describe.skipIf(!executablePath)('the sandbox page in headless Chromium', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Single-answer questions only, so "click an answer" is one button whatever the draw.
    const deck = loadDeck();
    sandbox = await startSandbox({
      logger: createLogger('silent'),
      port: 0,
      deck: createDeckIndex({ ...deck, questions: deck.questions.filter((q) => q.type === 'single') }),
    });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(sandbox.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(SCREENSHOTS, { recursive: true, force: true });
  });

  const input = () => page.locator('#command-input');
  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });

  it('says it is a sandbox and how to connect a real bot', async () => {
    const banner = await page.locator('#sandbox-banner').innerText();
    expect(banner).toContain('Sandbox');
    expect(banner).toContain('DISCORD_TOKEN');
    expect(await page.locator('[data-member]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('ana'), expect.stringContaining('dani-admin')]),
    );
  });

  it('plays a round: /quiz start, an answer, the private acknowledgement, the reveal with counts, the podium', async () => {
    await input().click();
    await input().pressSequentially('/qu');
    await expect
      .poll(() => page.locator('.suggestion').allInnerTexts())
      .toContainEqual(expect.stringContaining('/quiz'));
    await page.keyboard.press('Tab');
    await input().pressSequentially('st');
    await expect
      .poll(() => page.locator('.suggestion').allInnerTexts())
      .toContainEqual(expect.stringContaining('/quiz start'));
    await page.keyboard.press('Tab');
    expect(await input().inputValue()).toBe('/quiz start ');
    // Option names come from the registered definitions.
    await expect.poll(() => page.locator('.suggestion .label').allInnerTexts()).toContain('seconds:');
    await input().pressSequentially('questions:1 seconds:12');
    await page.keyboard.press('Enter');

    const question = page
      .locator('article.message:has(button[data-custom-id^="1:qa:"]:not([disabled]))')
      .first();
    await question.waitFor({ timeout: 15_000 });
    await question.locator('button[data-custom-id^="1:qa:"]').first().click();
    const ack = page.locator('article.message.ephemeral', { hasText: 'Resposta registrada' });
    await ack.waitFor({ timeout: 10_000 });
    expect(await ack.innerText()).toContain('Só você pode ver isto');
    await shot('round');

    // The reveal edits the question message: the buttons go, the counts come.
    const reveal = page
      .locator('article.message', { hasText: 'resposta' })
      .filter({ hasText: /\d+ de \d+ acertaram/ });
    await reveal.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('button[data-custom-id^="1:qa:"]:not([disabled])').count()).toBe(0);
    await page.locator('article.message', { hasText: 'Fim da rodada' }).waitFor({ timeout: 20_000 });
    const podium = await page.locator('article.message', { hasText: 'Fim da rodada' }).innerText();
    expect(podium).toContain('@ana');
    await reveal.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot('reveal');
  }, 90_000);

  it('another member does not see ana’s private reply', async () => {
    await page.locator('[data-member="bruno"]').click();
    expect(await page.locator('article.message.ephemeral', { hasText: 'Resposta registrada' }).count()).toBe(
      0,
    );
    await page.locator('[data-member="ana"]').click();
    expect(await page.locator('article.message.ephemeral', { hasText: 'Resposta registrada' }).count()).toBe(
      1,
    );
  });

  it('/leaderboard lists the member who played', async () => {
    await input().fill('/leaderboard');
    await page.keyboard.press('Enter');
    const board = page.locator('article.message', { hasText: '/leaderboard' }).last();
    await board.waitFor({ timeout: 10_000 });
    await expect.poll(() => board.innerText(), { timeout: 10_000 }).toContain('@ana');
    await board.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot('leaderboard');
  });

  it('the bot’s own autocomplete answers an option as it is typed', async () => {
    await input().fill('');
    await input().pressSequentially('/service name:bedro');
    await expect
      .poll(() => page.locator('.suggestion .label').allInnerTexts(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('Bedrock'));
    await input().fill('');
    await page.keyboard.press('Escape');
  });

  it('posts the daily posts from the page and answers the question of the day', async () => {
    await page.locator('#daily-button').click();
    const card = page.locator('article.message', { hasText: 'Serviço do dia' }).last();
    await card.waitFor({ timeout: 15_000 });
    const daily = page.locator('article.message:has(button[data-custom-id^="1:dq:"]:not([disabled]))').last();
    await daily.waitFor({ timeout: 15_000 });
    await daily.locator('button[data-custom-id^="1:dq:"]').first().click();
    await page
      .locator('article.message.ephemeral', { hasText: 'Resposta registrada' })
      .nth(1)
      .waitFor({ timeout: 10_000 });
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot('service-card');
  });

  it('the admin runs /config show (typed with its pt-BR names) and sees the daily channel', async () => {
    await page.locator('[data-member="dani-admin"]').click();
    await input().fill('/config mostrar');
    await page.keyboard.press('Enter');
    const reply = page.locator('article.message', { hasText: 'Próximo post' }).last();
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.innerText()).toContain('#geral');
  });
});

describe.skipIf(!executablePath)('the sandbox page: a "choose TWO" menu, in English', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const deck = loadDeck();
    sandbox = await startSandbox({
      logger: createLogger('silent'),
      port: 0,
      simulatedMembers: false,
      deck: createDeckIndex({ ...deck, questions: deck.questions.filter((q) => q.type === 'multi') }),
    });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(sandbox.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('carol picks two options in the menu and gets her private acknowledgement in English', async () => {
    await page.locator('[data-member="carol"]').click();
    await page.locator('#command-input').fill('/quiz start questions:1 seconds:30');
    await page.keyboard.press('Enter');
    const menu = page.locator('.select[data-custom-id^="1:qm:"]').first();
    await menu.waitFor({ timeout: 15_000 });
    expect(await menu.getAttribute('data-max')).toMatch(/^[23]$/);
    const needed = Number(await menu.getAttribute('data-max'));
    await menu.locator('.select-trigger').click();
    const options = menu.locator('.select-option');
    for (let i = 0; i < needed; i += 1) await options.nth(i).click();
    await menu.locator('.select-apply').click();
    const ack = page.locator('article.message.ephemeral').last();
    await ack.waitFor({ timeout: 10_000 });
    expect(await ack.innerText()).toContain('Only you can see this');
    expect(await ack.innerText()).toMatch(/Answer registered: [A-F]( \+ [A-F])+/);
    // The round's message itself stays public: bruno sees it, not carol's acknowledgement.
    await page.locator('[data-member="bruno"]').click();
    expect(await page.locator('article.message.ephemeral').count()).toBe(0);
    expect(await page.locator('.select[data-custom-id^="1:qm:"]').count()).toBe(1);
  }, 60_000);
});
