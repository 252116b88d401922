import { createNetworkInterfaceAttachmentProvider } from "../../provider/index";
import type { AttachmentInputs } from "../../provider/index";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../simulator/index";
import type { Simulator } from "../../simulator/index";

/**
 * Benchmarks of the attachment handlers against the simulator. Wall-clock figures on a shared
 * machine are noisy, so every scenario is reported as a ratio against a baseline measured in the
 * same run, next to the API calls it cost (which do not depend on the machine).
 */
const TRANSITION_MS = 100;
const POLLING = { intervalMs: 20 };

interface Scenario {
  readonly name: string;
  readonly ms: number;
  readonly calls: Record<string, number>;
}

function providerFor(sim: Simulator, maxRequestsPerSecond: number) {
  return createNetworkInterfaceAttachmentProvider({
    clientSettings: { ...DEFAULT_ACCESS_KEY, domain: sim.domain, scheme: "HTTP", maxRequestsPerSecond },
    env: {},
    polling: POLLING,
    log: () => undefined,
  });
}

/** Attaches then detaches every pair, `parallel` at once or one after another. */
async function attachAndDetach(sim: Simulator, pairs: AttachmentInputs[], parallel: boolean, rps = 1000) {
  const provider = providerFor(sim, rps);
  const run = async (pair: AttachmentInputs) => {
    const created = await provider.create(pair);
    if (created.outs !== undefined) await provider.delete?.(created.id, created.outs);
  };
  if (parallel) {
    await Promise.all(pairs.map(run));
  } else {
    for (const pair of pairs) await run(pair);
  }
}

async function measure(
  name: string,
  setup: (sim: Simulator) => Promise<void>,
  faults = {},
): Promise<Scenario> {
  const sim = await startSimulator({ transitionDelayMs: TRANSITION_MS, faults });
  try {
    const started = performance.now();
    await setup(sim);
    return { name, ms: performance.now() - started, calls: sim.control.actionCounts() };
  } finally {
    await sim.stop();
  }
}

function spread(sim: Simulator, instances: number, nicsEach: number): AttachmentInputs[] {
  return Array.from({ length: instances }, () => {
    const vm = sim.control.addInstance({});
    return Array.from({ length: nicsEach }, () => ({
      nicId: sim.control.addNic({}).nicId,
      instanceId: vm.instanceId,
    }));
  }).flat();
}

async function main(): Promise<void> {
  const scenarios = [
    await measure("1 attach+detach (baseline)", (sim) => attachAndDetach(sim, spread(sim, 1, 1), false)),
    await measure("24 on 12 instances, serial", (sim) => attachAndDetach(sim, spread(sim, 12, 2), false)),
    await measure("24 on 12 instances, parallel", (sim) => attachAndDetach(sim, spread(sim, 12, 2), true)),
    await measure("7 on 1 instance, parallel", (sim) => attachAndDetach(sim, spread(sim, 1, 7), true)),
    await measure(
      "24 parallel, server limit 20/s, client 15/s",
      (sim) => attachAndDetach(sim, spread(sim, 12, 2), true, 15),
      { rateLimitRps: 20 },
    ),
  ];
  const baseline = scenarios[0]?.ms ?? 1;
  process.stdout.write(
    `transition delay ${TRANSITION_MS} ms; times relative to the baseline (${baseline.toFixed(0)} ms)\n`,
  );
  for (const s of scenarios) {
    const total = Object.values(s.calls).reduce((a, b) => a + b, 0);
    const detail = Object.entries(s.calls).map(
      ([action, n]) => `${action.replace("NetworkInterface", "Nic")} ${n}`,
    );
    process.stdout.write(
      `${s.name.padEnd(46)} ${(s.ms / baseline).toFixed(2).padStart(6)}x  ${total} calls: ${detail.join(", ")}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
