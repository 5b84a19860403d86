/**
 * The sandbox: a real HTTP server on loopback that speaks GME, TRTC (recording and relay), CSS and
 * ZEGO cloud recording the way the vendors do, over demo data computed from a seed and the clock.
 * Used by "Try the Sandbox", every integration test and the benchmarks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../model/logger';
import { tencentHost, type TencentService } from '../vendors/tencent/actions';
import { CallbackDispatcher } from './callbacks/dispatcher';
import { addBulkTasks } from './demo/bulk';
import { demoCredentials } from './demo/credentials';
import { buildWorld } from './demo/world';
import { FaultController } from './faults';
import { createRouter } from './router';
import { StatsRecorder } from './stats';
import { tencentEmulator } from './tencent/emulator';
import type { RunningSandbox, SandboxOptions } from './types';
import { zegoEmulator } from './zego/emulator';

export type {
  ActionStats,
  BulkTaskRequest,
  BulkTaskSet,
  CallbackTargetOptions,
  CallbackTargetStats,
  CssBulkTaskSet,
  DemoCredentials,
  FaultScope,
  FaultSettings,
  RunningSandbox,
  SandboxCallbacks,
  SandboxFaults,
  SandboxOptions,
  SandboxStats,
  TencentDemoApp,
  TencentSignedHost,
  TrtcBulkTaskSet,
  ZegoBulkTaskSet,
  ZegoDemoApp,
} from './types';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the sandbox binds to loopback only, not ${host}`);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const world = buildWorld(options.seed ?? 1);
  const faults = new FaultController(world.seed);
  const stats = new StatsRecorder();
  const demo = () => demoCredentials(world, now() + faults.effective(undefined).clockSkewMs);
  const addBulk: RunningSandbox['addBulkTasks'] = (request) => addBulkTasks(world, request, now());
  const callbacks = new CallbackDispatcher(world, now, logger);

  // Filled in once listening: the sandbox's own host, for `tencentSignedHost: 'sandbox'`.
  const own: string[] = [];
  const signedHosts = (service: TencentService): readonly string[] | undefined => {
    if (options.tencentSignedHost === 'sandbox') return own;
    return options.tencentSignedHost === 'vendor' ? (['mainland', 'intl'] as const).map((site) => tencentHost(service, site)) : undefined;
  };
  const server = createServer(
    createRouter({
      tencent: tencentEmulator(
        world,
        signedHosts,
        (options.aliasHosts ?? []).map((h) => h.toLowerCase()),
      ),
      zego: zegoEmulator(world),
      faults,
      stats,
      admin: { demo, faults, stats, addBulkTasks: addBulk, callbacks, now },
      now,
      logger,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostname = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostname}:${port}`;
  own.push(hostname, `${hostname}:${port}`);
  logger.info(`sandbox: listening on ${url}`);

  return {
    url,
    port,
    demo,
    faults,
    stats,
    addBulkTasks: addBulk,
    callbacks,
    close: () =>
      new Promise<void>((resolve) => {
        callbacks.clear();
        server.close(() => resolve());
        // Keep-alive and stalled sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
