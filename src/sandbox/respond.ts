/** Writes one whole answer. `Date` is the sandbox's clock, so clients can measure skew from it. */
import type { ServerResponse } from 'node:http';

export function send(res: ServerResponse, status: number, contentType: string, body: string, nowMs: number): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    Date: new Date(nowMs).toUTCString(),
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, nowMs: number): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), nowMs);
}
