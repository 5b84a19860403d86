/**
 * A `Logger` that formats every argument into the line and redacts the whole line before it
 * reaches the sink (the "Media Tasks" LogOutputChannel). No `vscode` import: the sink is any Logger.
 */
import { isMediaApiError } from '../model/errors';
import type { Logger } from '../model/logger';
import type { Redactor } from './redact';

function describe(value: unknown): string {
  if (isMediaApiError(value)) return `${value.summary()} ${value.kind}: ${value.message}`;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `message arg1 arg2`, every part redacted as one string (a secret split across parts is still whole in the line). */
export function formatLogLine(redactor: Redactor, message: string | Error, args: readonly unknown[]): string {
  return redactor.redact([message, ...args].map(describe).join(' '));
}

export function createRedactingLogger(sink: Logger, redactor: Redactor): Logger {
  return {
    trace: (message, ...args) => sink.trace(formatLogLine(redactor, message, args)),
    debug: (message, ...args) => sink.debug(formatLogLine(redactor, message, args)),
    info: (message, ...args) => sink.info(formatLogLine(redactor, message, args)),
    warn: (message, ...args) => sink.warn(formatLogLine(redactor, message, args)),
    error: (message, ...args) => sink.error(formatLogLine(redactor, message, args)),
  };
}
