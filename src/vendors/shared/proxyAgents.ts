/**
 * The agents that tunnel through VS Code's `http.proxy`. Kept apart from `agents.ts` so that it is
 * loaded only when a proxy is configured (the bundle ships it as its own file, dist/proxy.js).
 */
import type * as http from 'node:http';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';

export function createProxyAgents(proxyUrl: string, options: http.AgentOptions): { http: http.Agent; https: http.Agent } {
  return { http: new HttpProxyAgent(proxyUrl, options), https: new HttpsProxyAgent(proxyUrl, options) };
}
