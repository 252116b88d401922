import { withInstanceLock } from "../../../provider/core/instanceLocks";
import { progressPrinter } from "../../../provider/core/progress";

describe("withInstanceLock", () => {
  it("runs work on one instance one at a time, in arrival order", async () => {
    const events: string[] = [];
    const step = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      withInstanceLock("vm-1", step("a")),
      withInstanceLock("vm-1", step("b")),
      withInstanceLock("vm-1", step("c")),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("lets different instances proceed in parallel", async () => {
    const events: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = withInstanceLock("vm-a", async () => {
      events.push("a start");
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push("a end");
    });
    await withInstanceLock("vm-b", async () => {
      events.push("b ran");
    });
    releaseFirst();
    await first;
    expect(events).toEqual(["a start", "b ran", "a end"]);
  });

  it("releases the lock when the work fails", async () => {
    await expect(withInstanceLock("vm-x", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(withInstanceLock("vm-x", async () => "next")).resolves.toBe("next");
  });
});

describe("progressPrinter", () => {
  it("prints at most one line per interval, with the elapsed time", () => {
    const lines: string[] = [];
    const say = progressPrinter(
      (status) => `nic 1 ${status} from 2`,
      (line) => lines.push(line),
      5000,
    );
    say({ observed: "DETACHING", elapsedMs: 0 });
    say({ observed: "DETACHING", elapsedMs: 1200 });
    say({ observed: "DETACHING", elapsedMs: 4999 });
    say({ observed: "DETACHING", elapsedMs: 12_400 });
    say({ observed: "AVAILABLE", elapsedMs: 65_000 });
    expect(lines).toEqual([
      "nic 1 DETACHING from 2, 0ms",
      "nic 1 DETACHING from 2, 12s",
      "nic 1 AVAILABLE from 2, 1m05s",
    ]);
  });
});
