/**
 * Connection reuse and proxying. Keep-alive agents are process-wide so every client reuses
 * connections; a proxy (VS Code's `http.proxy`) gets its own agents, cached per proxy URL.
 * Loopback targets (the sandbox) never go through the proxy: a remote proxy cannot reach them.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { createProxyAgents } from './proxyAgents';

export type AgentSelector = (url: URL) => http.Agent;

const AGENT_OPTIONS: http.AgentOptions = { keepAlive: true, maxSockets: 32 };

const direct = {
  http: new http.Agent(AGENT_OPTIONS),
  https: new https.Agent(AGENT_OPTIONS),
};

const proxied = new Map<string, { http: http.Agent; https: http.Agent }>();

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Loaded on first use: most users have no proxy, and the agents cost a tenth of the bundle. */
function loadProxyAgents(): typeof createProxyAgents {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load; node-fetch picks agents synchronously
  return (require('./proxyAgents') as typeof import('./proxyAgents')).createProxyAgents;
}

function proxyAgents(proxyUrl: string): { http: http.Agent; https: http.Agent } {
  let agents = proxied.get(proxyUrl);
  if (!agents) {
    agents = loadProxyAgents()(proxyUrl, AGENT_OPTIONS);
    proxied.set(proxyUrl, agents);
  }
  return agents;
}

/** Picks the agent for a request URL; `proxyUrl` empty or absent means a direct connection. */
export function agentSelector(proxyUrl?: string): AgentSelector {
  return (url: URL): http.Agent => {
    const agents = proxyUrl && !isLoopbackHost(url.hostname) ? proxyAgents(proxyUrl) : direct;
    return url.protocol === 'https:' ? agents.https : agents.http;
  };
}
