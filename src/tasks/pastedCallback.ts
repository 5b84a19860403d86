/**
 * A pasted callback: either the body alone, or the request as a debugging proxy or a log shows it
 * (an optional `POST /path HTTP/1.1` line, `Name: value` header lines, a blank line, the body). The
 * body is kept exactly as pasted: TRTC and GME sign its bytes. Pure.
 */
import type { ReceivedCallback } from '../model/callback';

const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/\d(\.\d)?$/;
const HEADER_LINE = /^([A-Za-z0-9-]+):[ \t]*(.*)$/;

export function parsePastedCallback(text: string): ReceivedCallback {
  const lines = text.split(/\r?\n/);
  let i = 0;
  if (REQUEST_LINE.test(lines[0]?.trim() ?? '')) i = 1;
  const headers: Record<string, string> = {};
  let j = i;
  while (j < lines.length && HEADER_LINE.test(lines[j]!)) {
    const [, name, value] = HEADER_LINE.exec(lines[j]!)!;
    headers[name!.toLowerCase()] = value!.trim();
    j++;
  }
  const hasHead = (i === 1 || j > i) && j < lines.length && lines[j]!.trim() === '';
  if (!hasHead) return { headers: {}, body: Buffer.from(text.trim(), 'utf8') };
  // The body starts after the first blank line, byte for byte (its own newlines and tabs included).
  const offset = lines.slice(0, j + 1).reduce((n, line) => n + line.length, 0);
  const separators = text.match(/\r?\n/g) ?? [];
  const consumed = separators.slice(0, j + 1).reduce((n, s) => n + s.length, 0);
  return { headers, body: Buffer.from(text.slice(offset + consumed), 'utf8') };
}

/** The signature header a pasted TRTC or GME body still needs, by the fields it carries. */
export function missingSignatureHeader(callback: ReceivedCallback): 'Sign' | 'Signature' | undefined {
  const text = callback.body.toString('utf8');
  if (/"EventGroupId"/.test(text) && callback.headers.sign === undefined) return 'Sign';
  if (/"BizID"/.test(text) && /"TaskID"/.test(text) && callback.headers.signature === undefined) return 'Signature';
  return undefined;
}
