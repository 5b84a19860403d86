// Child process groups (code-server, the sandbox) started detached so stop() can end them whole. A
// detached group outlives its parent, so when the parent is told to stop (npm test's per-suite budget
// sends SIGTERM) it ends every group it still owns first.
const owned = new Set();
let listening = false;

/**
 * Ends `child`'s process group when this process gets SIGTERM, unless the script has its own SIGTERM
 * handler (the demo stops its parts in order and reports). Returns a function that forgets the child.
 */
export function ownProcessGroup(child) {
  owned.add(child.pid);
  if (!listening) {
    listening = true;
    process.once('SIGTERM', () => {
      if (process.listenerCount('SIGTERM') > 0) return;
      for (const pid of owned) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      process.exit(143);
    });
  }
  return () => owned.delete(child.pid);
}

/** Signals `child`'s whole process group; a group already gone is not an error. */
export function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* gone */
  }
}

/** Ends `child`'s group: SIGTERM, then SIGKILL if it is still there after `graceMs`. Resolves once it exited. */
export async function endProcessGroup(child, exited, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, 'SIGTERM');
  const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(killer);
}
