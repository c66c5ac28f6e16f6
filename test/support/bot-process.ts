import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository root, where `npm start` runs. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Where an entry point under src/ is compiled to (dist/ is built by test/support/build-dist.ts). */
export const compiledEntry = (script: string) =>
  join(ROOT, script.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'));

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Parsed JSON log lines printed so far. */
  logLines: () => { level: number; msg: string; [key: string]: unknown }[];
}

/**
 * A bot entry point as a host runs it: its own process, configured only through the environment
 * (no inherited DISCORD_* from the developer's shell). `script` is an entry point under src/, run compiled
 * from dist/ as `npm start` does, `npm:<script>` for `npm run <script>` from the repository root, or
 * `local:<file>` for a compiled file of another copy of the bot in `cwd` (its own node_modules and dist/).
 */
export function runBotProcess(script: string, env: Record<string, string>, cwd: string, args: string[] = []) {
  const [command, argv, where] = script.startsWith('npm:')
    ? ['npm', ['run', '--silent', script.slice(4), ...(args.length ? ['--', ...args] : [])], ROOT]
    : script.startsWith('local:')
      ? [process.execPath, ['--enable-source-maps', script.slice(6), ...args], cwd]
      : [process.execPath, ['--enable-source-maps', compiledEntry(script), ...args], cwd];
  const child = spawn(command, argv, {
    cwd: where,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  const logLines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
  return { child, output: () => output, exited, logLines } satisfies BotProcess;
}

/** Ends a process left running by a failed test. */
export async function killBotProcess(run: BotProcess | undefined): Promise<void> {
  if (run && run.child.exitCode === null && run.child.signalCode === null) {
    run.child.kill('SIGKILL');
    await run.exited;
  }
}
