import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { killBotProcess, ROOT, runBotProcess, type BotProcess } from '../support/bot-process';
import { startDiscordStandIn } from '../../src/stand-in';

/** The files a host deploys with: checked here, since this machine has no Docker daemon or systemd. */
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  license?: string;
};

/** Bare imports of the code that runs in production (src/ and commands/, tests and benches excluded). */
function runtimeImports(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|js)$/.test(entry.name)) {
        // Type-only imports vanish at run time; everything else must be installed.
        const code = read(path);
        const specs = [
          ...code.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^;]*?from\s*'([^'.][^']*)'/gms),
          ...code.matchAll(/import\(\s*'([^'.][^']*)'\s*\)/g),
          ...code.matchAll(/^\s*import\s*'([^'.][^']*)'/gm),
        ];
        for (const m of specs) {
          const spec = m[1]!;
          if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
          found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
    }
  };
  walk('src');
  walk('commands');
  return found;
}

describe('what a host deploys', () => {
  it('needs only runtime dependencies (npm ci --omit=dev is enough)', () => {
    const imports = runtimeImports();
    expect([...imports]).toEqual(
      expect.arrayContaining(['discord.js', 'better-sqlite3', 'drizzle-orm', 'zod', 'pino']),
    );
    const devOnly = [...imports].filter((name) => !(name in pkg.dependencies));
    expect(devOnly).toEqual([]);
    // The entry points run compiled; the build (esbuild) runs on the host, so it is a runtime dependency.
    expect(pkg.dependencies).toHaveProperty('esbuild');
    // tsx only runs the dev tools (npm run deck, bench): nothing a host runs needs it.
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('tsx');
    expect(pkg.scripts.build).toBe('node scripts/build.mjs');
    expect(pkg.scripts.start).toBe('exec node --enable-source-maps dist/main.js');
    for (const script of ['start', 'register', 'backup', 'sandbox'])
      expect(pkg.scripts[`pre${script}`], script).toBe('npm run --silent build');
  });

  it('is MIT licensed, in the file and in package.json', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
  });

  it('has a Dockerfile that installs without dev dependencies, copies what the bot reads, runs node as a user', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20-/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile.indexOf('COPY src')).toBeLessThan(dockerfile.indexOf('RUN npm run build'));
    expect(dockerfile).toContain('CMD ["node", "--enable-source-maps", "dist/main.js"]');
    const copied = [...dockerfile.matchAll(/^COPY (.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));
    for (const source of copied) expect(existsSync(join(ROOT, source)), source).toBe(true);
    for (const needed of ['package-lock.json', 'src', 'commands', 'data', 'drizzle', 'scripts'])
      expect(copied, needed).toContain(needed);
    const ignored = read('.dockerignore').split('\n');
    for (const local of ['.env', 'node_modules', '*.sqlite', 'dist']) expect(ignored).toContain(local);
  });

  it('has a compose file with init, a restart policy and the database on a named volume', () => {
    const compose = load(read('compose.yaml')) as {
      services: Record<
        string,
        { init?: boolean; restart?: string; volumes?: string[]; environment?: Record<string, string> }
      >;
      volumes: Record<string, unknown>;
    };
    const bot = compose.services.bot!;
    expect(bot.init).toBe(true);
    expect(bot.restart).toBe('unless-stopped');
    const databaseDir = bot.environment!.DATABASE_PATH!.replace(/\/[^/]+$/, '');
    const [volume, mountedAt] = bot.volumes![0]!.split(':');
    expect(mountedAt).toBe(databaseDir);
    expect(compose.volumes).toHaveProperty(volume!);
  });

  const systemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  it.skipIf(!systemdAnalyze)(
    'has a systemd unit that systemd-analyze verifies, running node directly',
    () => {
      const result = spawnSync('systemd-analyze', ['verify', join(ROOT, 'deploy/exam-drill.service')], {
        encoding: 'utf8',
      });
      const ours = `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((line) => line.includes('exam-drill.service') && !/User=|Failed to resolve user/i.test(line));
      expect(ours).toEqual([]);
      const unit = read('deploy/exam-drill.service');
      expect(unit).toMatch(/^ExecStartPre=\/usr\/bin\/node scripts\/build\.mjs$/m);
      expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node --enable-source-maps dist\/main\.js$/m);
      expect(unit).toMatch(/^ReadWritePaths=.* -\/opt\/exam-drill\/dist$/m);
      expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    },
  );

  describe('a production install (dev dependencies pruned)', () => {
    let dir: string | undefined;
    let run: BotProcess | undefined;
    afterAll(async () => {
      await killBotProcess(run);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('starts, answers /help and stops on SIGTERM', async () => {
      dir = mkdtempSync(join(tmpdir(), 'exam-drill-prod-'));
      // Hard links: a copy of node_modules in a second, then npm removes the dev packages from the copy.
      execFileSync('cp', ['-al', join(ROOT, 'node_modules'), dir]);
      for (const part of [
        'package.json',
        'package-lock.json',
        'tsconfig.json',
        'src',
        'commands',
        'data',
        'drizzle',
        'scripts',
      ])
        cpSync(join(ROOT, part), join(dir, part), { recursive: true });
      execFileSync('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], {
        cwd: dir,
        stdio: 'pipe',
      });
      expect(existsSync(join(dir, 'node_modules/vitest'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules/pino-pretty'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
      // What the host runs before starting: the build, with the runtime dependencies only.
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: dir, stdio: 'pipe' });
      expect(existsSync(join(dir, 'dist/main.js'))).toBe(true);

      const standIn = await startDiscordStandIn();
      try {
        const env = {
          DISCORD_TOKEN: standIn.token,
          DISCORD_CLIENT_ID: standIn.applicationId,
          DATABASE_PATH: join(dir, 'data-dir', 'bot.sqlite'),
          DISCORD_API_URL: standIn.apiUrl,
          NODE_ENV: 'production',
        };
        run = runBotProcess('local:dist/main.js', env, dir);
        await expect
          .poll(() => run!.output(), { timeout: 30_000, interval: 100 })
          .toContain('"msg":"Logged in as');
        const reply = await standIn.runCommand({ member: standIn.member(), name: 'help' }).callback(10_000);
        expect(reply.type).toBe(4);
        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
      } finally {
        await standIn.close();
      }
    });
  });
});
