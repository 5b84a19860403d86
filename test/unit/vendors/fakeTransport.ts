/** A scripted `Transport` for client tests: records each request and answers from a handler. */
import type { Transport, TransportRequest, TransportResponse } from '../../../src/vendors/shared/transport';
import { parseJsonLossless } from '../../../src/vendors/shared/json';

export type Handler = (request: TransportRequest, index: number) => { body: string; status?: number; date?: string };

export class FakeTransport implements Transport {
  readonly requests: TransportRequest[] = [];

  constructor(private readonly handler: Handler) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    this.requests.push(request);
    const answer = this.handler(request, this.requests.length - 1);
    return { status: answer.status ?? 200, date: answer.date, body: parseJsonLossless(answer.body), elapsedMs: 1 };
  }

  /** The JSON body of request `i`. */
  params(i: number): Record<string, unknown> {
    return JSON.parse(this.requests[i].body) as Record<string, unknown>;
  }
}
