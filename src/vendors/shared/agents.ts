/**
 * Connection reuse; proxying is VS Code's. Keep-alive agents are process-wide so every client reuses
 * connections. The extension host patches Node's http/https (@vscode/proxy-agent), which applies
 * `http.proxy`, `http.noProxy`, PAC, proxy auth and system certificates: with `http.proxySupport`
 * "override" (the default) or "fallback" it replaces whatever agent a request carries, with "on" it
 * proxies only a request that carries none, with "off" it leaves every request alone. So when a proxy
 * is set (`proxyUrl`), a vendor request carries no agent. Loopback targets (the sandbox) always carry
 * the keep-alive agent: VS Code never proxies them, and a remote proxy could not reach them.
 *
 * Measured in a real VS Code behind a loopback proxy, code-server 4.96.4 (VS Code 1.96.4) and 4.139.1
 * (1.139.1), whose remote extension host is patched like the desktop one: with "override" node-fetch's
 * requests went through `http.proxy` with no agent, with the keep-alive agent and with http-proxy-agent
 * alike, VS Code's agent sending each (the agent passed was never called); with "on" they went through
 * it with no agent and direct with the keep-alive one; with "off" only http-proxy-agent proxied. So the
 * hand-written http(s)-proxy-agent agents this file used to pass mattered only under "off", where the
 * user turned proxying for extensions off. test/integration/proxy.test.ts keeps proving it.
 */
import * as http from 'node:http';
import * as https from 'node:https';

/** The agent for a request URL; `undefined` leaves the request to VS Code's proxy handling. */
export type AgentSelector = (url: URL) => http.Agent | undefined;

const AGENT_OPTIONS: http.AgentOptions = { keepAlive: true, maxSockets: 32 };

const direct = {
  http: new http.Agent(AGENT_OPTIONS),
  https: new https.Agent(AGENT_OPTIONS),
};

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Picks the agent for a request URL; `proxyUrl` (VS Code's `http.proxy`) set means no agent for non-loopback hosts. */
export function agentSelector(proxyUrl?: string): AgentSelector {
  return (url: URL): http.Agent | undefined => {
    if (proxyUrl && !isLoopbackHost(url.hostname)) return undefined;
    return url.protocol === 'https:' ? direct.https : direct.http;
  };
}
