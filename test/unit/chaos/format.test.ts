import { judge } from "../../chaos/batch";
import type { Batch } from "../../chaos/batch";
import { benchmarkBlock } from "../../chaos/benchmarks";
import { checkRun } from "../../chaos/check/index";
import { formatViolation, runLog } from "../../chaos/format";
import { planRun } from "../../chaos/plan";
import type { RunTrace } from "../../chaos/trace";
import {
  command,
  engineTrace,
  FREE,
  look,
  NIC,
  OTHER,
  op,
  OWN,
  T0,
  trace,
  USED_OWN,
  write,
} from "./fixtures";

/** How a run reads to a developer, and the one report format of both executors. */
const ATTACHED = write("AttachNetworkInterface", 100, FREE, true);
const UP = command(0, "up", [0, 500], USED_OWN);
const DESTROY = command(1, "destroy", [600, 1200], FREE);

const firstTrace = (t: RunTrace): string => formatViolation(t, checkRun(t).violations[0]!);
const batchOf = (t: RunTrace): Batch => ({
  executor: t.executor,
  results: [judge(planRun(t.seed, t.executor), t, 1000)],
  crashed: [],
  wallMs: 1000,
  load: [0.5, 1.5],
});

describe("a violation's trace", () => {
  it("names the NIC's writes and the blamed operation of a handler run", () => {
    const lost = write("AttachNetworkInterface", 100, FREE, true, "lost-response");
    const failed = op(0, "create", "failed", [0, 400], { instanceId: OWN, status: "ATTACHING" });
    const text = firstTrace(trace({ ops: [failed], requests: [lost] }));
    expect(text).toContain(`NIC ${NIC} → instance ${OWN}`);
    expect(text).toContain(`*#0 create → ${OWN} (timeout 5000 ms) failed, NIC then ATTACHING@${OWN}`);
    expect(text).toContain("AttachNetworkInterface 0 [lost-response] ran on AVAILABLE@-, applied true");
  });

  it("names the commands of an engine run, its kill, and the blamed operation", () => {
    const destroy = command(1, "destroy", [600, 1200], USED_OWN, {
      kill: { signal: "SIGINT", atMs: T0 + 800, writesSeen: 1, orphans: [] },
    });
    const text = firstTrace(engineTrace({ commands: [UP, destroy], requests: [ATTACHED] }));
    expect(text).toContain("npm run chaos -- --engine --seed 42");
    expect(text).toContain("#1 +600..+1200 ms destroy (destroy) [SIGINT at +800 ms, 1 writes in]: ok");
    expect(text).toContain(`*#1 delete → ${OWN} ok, NIC then USED@${OWN}; stack: none`);
    expect(text).toContain("AttachNetworkInterface 200 ran on AVAILABLE@-, applied true");
  });

  it("logs every command with its output, the stack and the NICs after it, and the NICs at the end", () => {
    const up = command(0, "up", [0, 500], USED_OWN, { output: "Updating (s):\n + r0 created" });
    const text = runLog({ trace: engineTrace({ commands: [up, DESTROY] }), plan: planRun(42, "engine") });
    expect(text).toContain("=== #0 +0..+500 ms up (chaos): ok");
    expect(text).toContain(`stack after: r0@${OWN}`);
    expect(text).toContain(`NICs after: r0 USED@${OWN}`);
    expect(text).toContain(" + r0 created");
    expect(text).toContain("=== at the end: NICs r0 AVAILABLE@-");
  });
});

describe("a batch's block for BENCHMARKS.md", () => {
  const now = new Date("2026-01-02T00:00:00Z");

  it("names the executor, and marks the invariant it cannot judge", () => {
    const moved = { atMs: T0 + 880, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
    const detach = write("DetachNetworkInterface", 900, { instanceId: OTHER, status: "USED" }, true);
    const created = op(0, "create", "ok", [0, 500], USED_OWN);
    const deleted = op(1, "delete", "ok", [600, 1200], FREE);
    const handlers = trace({
      ops: [created, deleted],
      requests: [ATTACHED, look(850), detach],
      events: [moved],
    });
    const block = benchmarkBlock(batchOf(handlers), "npm run chaos", "abc1234", now);
    expect(block).toContain("### 2026-01-02, abc1234: handlers runs");
    expect(block).toContain("1 runs (seeds 42) through the handlers");
    expect(block).toContain(
      "| 7. up succeeded but state and cloud disagree | n/a | | | not judged in handlers runs |",
    );
    expect(block).toContain("while the server held the detach: 1");
  });

  it("counts an engine run's violations by where they were blamed, and the run as one to look at", () => {
    const stale = command(0, "up", [0, 500], FREE);
    const engine = engineTrace({ commands: [stale, DESTROY], requests: [ATTACHED] });
    const block = benchmarkBlock(batchOf(engine), "npm run chaos -- --engine", "abc1234", now);
    expect(block).toContain("abc1234: engine runs");
    expect(block).toContain("| 5. operation overran its timeout | n/a |");
    expect(block).toContain("| 7. up succeeded but state and cloud disagree | 1 | 1 | 100.0 | chaos up 1 |");
    expect(block).toContain(
      "Runs needing a look (a violation, or a failure their chaos does not explain): 1 of 1; seeds: 42.",
    );
  });
});
