/** Reads a request body whole, up to a limit, without ever throwing. */
import type { IncomingMessage } from 'node:http';
import { isInteger, isSafeNumber, parse } from 'lossless-json';

/** Far above any real query; Tencent documents 32 KB for GET and ZEGO bodies are tiny. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ReadBody {
  readonly body: Buffer;
  readonly error?: 'tooLarge' | 'aborted';
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining so the client can finish sending and read our answer.
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { body: Buffer.alloc(0), error: 'tooLarge' } : { body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ body: Buffer.alloc(0), error: 'aborted' }));
  });
}

/** Integers beyond 2^53 (GME TaskIds) become bigints, exact, and stay apart from strings. */
function parseNumber(text: string): number | bigint {
  return isInteger(text) && !isSafeNumber(text) ? BigInt(text) : Number(text);
}

/**
 * A JSON object body (empty counts as `{}`); undefined when the text is not JSON or not an object.
 * Read losslessly, as the vendors' gateways do: a u64 parameter keeps every digit.
 */
export function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = parse(raw.length === 0 ? '{}' : raw.toString('utf8'), null, parseNumber);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}
