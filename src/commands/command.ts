import type { CommandId } from '../ids/commands';

/**
 * One command: an id and what it does. Each lives in its own file as a factory taking its
 * dependencies explicitly; `registry.ts` registers them all (no global service locator).
 */
export interface Command {
  readonly id: CommandId;
  run(...args: unknown[]): unknown;
}
