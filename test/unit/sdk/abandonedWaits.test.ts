/**
 * @jest-environment ./test/support/hostProcessEnvironment.js
 */
/**
 * A caller that stops waiting (its signal aborted, even before it asked) must never leave the work
 * it abandoned to fail unhandled: Node ends the process on an unhandled rejection, and the
 * provider's process serves every resource of a deployment. Each test listens on the host process.
 */
import type { HttpReply, Transport } from "../../../sdk/index";
import { resolveClientConfig, TokenBucket, waitUntil, ZecClient } from "../../../sdk/index";
import { raceAbort } from "../../../sdk/util/time";
import { BatchedReader } from "../../../sdk/zec/batchedReads";
import { unhandledRejectionsDuring } from "../../support/unhandledRejections";

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const gaveUp = new Error("the operation's deadline passed");
const describeFailed = new Error("DescribeInstances failed with INTERNAL_SERVER_ERROR");

/** A reader whose one shared Describe fails when the test says so; `started` resolves when it is sent. */
function failingReader(): { reader: BatchedReader<string>; started: Promise<undefined>; fail: () => void } {
  const started = deferred<undefined>();
  const answer = deferred<string[]>();
  const reader = new BatchedReader<string>(
    () => {
      started.resolve(undefined);
      return answer.promise;
    },
    (id) => id,
  );
  return { reader, started: started.promise, fail: () => answer.reject(describeFailed) };
}

describe("raceAbort", () => {
  it("rejects at once for a signal already aborted, and the work failing later is not unhandled", async () => {
    const work = deferred<string>();
    const seen = await unhandledRejectionsDuring(async () => {
      const raced = raceAbort(work.promise, AbortSignal.abort(gaveUp));
      await expect(raced).rejects.toBe(gaveUp);
      work.reject(describeFailed);
    });
    expect(seen).toEqual([]);
  });

  it("rejects when the signal aborts mid-way, and the work failing later is not unhandled", async () => {
    const work = deferred<string>();
    const controller = new AbortController();
    const seen = await unhandledRejectionsDuring(async () => {
      const raced = raceAbort(work.promise, controller.signal);
      controller.abort(gaveUp);
      await expect(raced).rejects.toBe(gaveUp);
      work.reject(describeFailed);
    });
    expect(seen).toEqual([]);
  });
});

describe("BatchedReader, when its readers stop waiting", () => {
  it("fails a read given an aborted signal with the signal's reason; the Describe failing later is not unhandled", async () => {
    const { reader, started, fail } = failingReader();
    const seen = await unhandledRejectionsDuring(async () => {
      const read = reader.read("a", AbortSignal.abort(gaveUp));
      await expect(read).rejects.toBe(gaveUp);
      await started;
      fail();
    });
    expect(seen).toEqual([]);
  });

  it("leaves nothing unhandled when every reader of a batch gave up before its Describe failed", async () => {
    const { reader, started, fail } = failingReader();
    const controller = new AbortController();
    const seen = await unhandledRejectionsDuring(async () => {
      const reads = [reader.read("a", controller.signal), reader.read("b", controller.signal)];
      await started;
      controller.abort(gaveUp);
      expect((await Promise.allSettled(reads)).map((read) => read.status)).toEqual(["rejected", "rejected"]);
      fail();
    });
    expect(seen).toEqual([]);
  });

  it("fails the reads of a batch whose fetch throws instead of rejecting, and nothing is left uncaught", async () => {
    const reader = new BatchedReader<string>(
      () => {
        throw describeFailed;
      },
      (id) => id,
    );
    const seen = await unhandledRejectionsDuring(async () => {
      await expect(reader.read("a")).rejects.toBe(describeFailed);
      await expect(reader.read("b", AbortSignal.abort(gaveUp))).rejects.toBe(gaveUp);
    });
    expect(seen).toEqual([]);
  });
});

describe("ZecClient.find*, given a signal already aborted while the Describe answers an error", () => {
  const failing: Transport = {
    send: async (): Promise<HttpReply> => ({
      status: 500,
      headers: {},
      body: JSON.stringify({ requestId: "T1", code: "INTERNAL_SERVER_ERROR", message: "boom" }),
    }),
  };

  it("fails each read with the signal's reason and leaves no rejection unhandled", async () => {
    const config = resolveClientConfig({
      explicit: {
        accessKeyId: "AKID-abandoned",
        accessKeyPassword: "pw-abandoned",
        domain: "zec.example.test",
      },
      env: {},
    });
    const sent: string[] = [];
    const transport: Transport = {
      send: (request) => {
        sent.push(request.headers["X-ZC-Action"] ?? "");
        return failing.send(request);
      },
    };
    const client = new ZecClient(config, {
      transport,
      rateLimiter: new TokenBucket({ requestsPerSecond: 1000 }),
    });
    const seen = await unhandledRejectionsDuring(async () => {
      const aborted = AbortSignal.abort(gaveUp);
      await expect(client.findNetworkInterface("1", aborted)).rejects.toBe(gaveUp);
      await expect(client.findInstance("2", aborted)).rejects.toBe(gaveUp);
      // A patient read joins the abandoned one's batch: the shared Describe is still sent, and fails.
      await expect(client.findInstance("3")).rejects.toThrow("INTERNAL_SERVER_ERROR");
    });
    expect(seen).toEqual([]);
    expect(sent).toEqual(["DescribeNetworkInterfaces", "DescribeInstances"]);
  });
});

describe("waitUntil, when its caller's signal aborts during a look", () => {
  it("rejects with the signal's reason, and the look failing later is not unhandled", async () => {
    const look = deferred<never>();
    const controller = new AbortController();
    const seen = await unhandledRejectionsDuring(async () => {
      const waiting = waitUntil(
        () => {
          controller.abort(gaveUp);
          return look.promise;
        },
        { minDelayMs: 1, maxDelayMs: 1, timeoutMs: 10_000, signal: controller.signal },
      );
      await expect(waiting).rejects.toBe(gaveUp);
      look.reject(describeFailed);
    });
    expect(seen).toEqual([]);
  });
});
