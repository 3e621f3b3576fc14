// Entry of a measurement's child process: `node out/bench/child.js <measurement id>`.
// Receives its parameters over IPC, runs the measurement, and sends back the
// result with its own resource usage (peak RSS, CPU time).
import type { ChildMessage, ChildUsage } from './harness';
import { MEASUREMENTS } from './measurements';

function usage(): ChildUsage {
  const u = process.resourceUsage();
  return { maxRssMb: u.maxRSS / 1024, userCpuS: u.userCPUTime / 1e6, systemCpuS: u.systemCPUTime / 1e6 };
}

function reply(message: ChildMessage): void {
  process.send!(message, () => process.exit(0));
}

const id = process.argv[2];
const m = MEASUREMENTS.find(x => x.id === id);
if (!process.send) {
  process.stderr.write('bench/child: run me through bench/run (I need an IPC channel)\n');
  process.exit(2);
}
process.once('message', (msg: { type: string; params: unknown }) => {
  if (!m) { reply({ ok: false, error: `unknown measurement ${id}`, usage: usage() }); return; }
  m.run(msg.params as never).then(
    result => reply({ ok: true, result, usage: usage() }),
    (e: unknown) => reply({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e), usage: usage() }),
  );
});
process.send({ type: 'ready' });
