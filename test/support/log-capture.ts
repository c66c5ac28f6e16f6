import { createLogger, type Logger } from '../../src/shared/logger';

export interface CapturedLog {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger whose JSON lines are kept in memory for assertions. */
export function captureLogs(level: 'debug' | 'info' | 'warn' = 'debug'): {
  logger: Logger;
  lines: CapturedLog[];
  text(): string;
} {
  const lines: CapturedLog[] = [];
  const raw: string[] = [];
  const logger = createLogger(level, {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line) as CapturedLog);
    },
  });
  return { logger, lines, text: () => raw.join('') };
}
