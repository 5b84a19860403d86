/**
 * node-fetch v2 notices a connection that closes mid-body only for chunked answers: with a
 * Content-Length it keeps waiting for bytes that will never come, until the request timeout. This
 * wraps the agent for one request and watches that request's response at the socket instead, so a
 * closed or reset connection is reported at once.
 */
import type * as http from 'node:http';

export function watchingResets(agent: http.Agent, onReset: () => void): http.Agent {
  return new Proxy(agent, {
    get(target, property) {
      if (property === 'addRequest') {
        return (request: http.ClientRequest, options: unknown): void => {
          request.once('response', (response: http.IncomingMessage) => {
            response.once('close', () => {
              if (!response.complete) onReset();
            });
          });
          (target as unknown as { addRequest(r: http.ClientRequest, o: unknown): void }).addRequest(request, options);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
