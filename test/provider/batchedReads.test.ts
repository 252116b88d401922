import { resolveClientConfig, ZecClient } from "../../sdk/index";
import { batchedReader } from "../../provider/shared/batchedReads";

function newClient(): ZecClient {
  return new ZecClient(
    resolveClientConfig({ explicit: { token: "t", domain: "127.0.0.1:1", scheme: "HTTP" }, env: {} }),
  );
}

describe("batchedReader", () => {
  it("shares one fetch among reads issued together, and answers each its own item", async () => {
    const calls: string[][] = [];
    const read = batchedReader<{ id: string }>(
      async (_client, ids) => {
        calls.push(ids);
        return ids.filter((id) => id !== "gone").map((id) => ({ id }));
      },
      (item) => item.id,
    );
    const client = newClient();
    const results = await Promise.all(["a", "b", "gone", "a"].map((id) => read(client, id)));
    expect(results).toEqual([{ id: "a" }, { id: "b" }, undefined, { id: "a" }]);
    expect(calls).toEqual([["a", "b", "gone"]]);
    await read(client, "c");
    expect(calls).toEqual([["a", "b", "gone"], ["c"]]);
  });

  it("keeps clients (accounts) apart and splits past 100 ids", async () => {
    const calls: number[] = [];
    const read = batchedReader<string>(
      async (_client, ids) => {
        calls.push(ids.length);
        return ids;
      },
      (id) => id,
    );
    const [one, two] = [newClient(), newClient()];
    await Promise.all([...Array.from({ length: 150 }, (_, i) => read(one, `n${i}`)), read(two, "other")]);
    expect(calls.sort((a, b) => a - b)).toEqual([1, 50, 100]);
  });

  it("fails every read of a batch whose fetch failed", async () => {
    const read = batchedReader<string>(
      async () => {
        throw new Error("throttled for good");
      },
      (id) => id,
    );
    const client = newClient();
    const results = await Promise.allSettled([read(client, "a"), read(client, "b")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
