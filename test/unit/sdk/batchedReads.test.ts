import { BatchedReader } from "../../../sdk/zec/batchedReads";

describe("BatchedReader", () => {
  it("shares one fetch among reads issued together, and answers each its own item", async () => {
    const calls: string[][] = [];
    const reader = new BatchedReader<{ id: string }>(
      async (ids) => {
        calls.push(ids);
        return ids.filter((id) => id !== "gone").map((id) => ({ id }));
      },
      (item) => item.id,
    );
    const results = await Promise.all(["a", "b", "gone", "a"].map((id) => reader.read(id)));
    expect(results).toEqual([{ id: "a" }, { id: "b" }, undefined, { id: "a" }]);
    expect(calls).toEqual([["a", "b", "gone"]]);
    await reader.read("c");
    expect(calls).toEqual([["a", "b", "gone"], ["c"]]);
  });

  it("splits past 100 ids", async () => {
    const calls: number[] = [];
    const reader = new BatchedReader<string>(
      async (ids) => {
        calls.push(ids.length);
        return ids;
      },
      (id) => id,
    );
    await Promise.all(Array.from({ length: 150 }, (_, i) => reader.read(`n${i}`)));
    expect(calls.sort((a, b) => a - b)).toEqual([50, 100]);
  });

  it("fails every read of a batch whose fetch failed", async () => {
    const reader = new BatchedReader<string>(
      async () => {
        throw new Error("throttled for good");
      },
      (id) => id,
    );
    const results = await Promise.allSettled([reader.read("a"), reader.read("b")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });

  it("lets one caller stop waiting without cancelling the shared read for the others", async () => {
    let release: (items: string[]) => void = () => undefined;
    let started: () => void = () => undefined;
    const fetchStarted = new Promise<void>((resolve) => (started = resolve));
    const reader = new BatchedReader<string>(
      () => {
        started();
        return new Promise<string[]>((resolve) => (release = resolve));
      },
      (id) => id,
    );
    const controller = new AbortController();
    const impatient = reader.read("a", controller.signal);
    const patient = reader.read("b");
    controller.abort(new Error("deadline"));
    await expect(impatient).rejects.toThrow("deadline");
    await fetchStarted;
    release(["a", "b"]);
    await expect(patient).resolves.toBe("b");
  });
});
