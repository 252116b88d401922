/**
 * A reply larger than any API reply, from a real server on 127.0.0.1: the client stops reading at
 * its limit, drops the connection and fails with a clear error that blames the endpoint, instead
 * of buffering hundreds of MB (or failing as "could not reach the Zenlayer API").
 */
import type { Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { MAX_REPLY_BYTES } from "../../../sdk/index";
import { eventually } from "../../support/eventually";
import { apiErrorOf, clientFor } from "./integrationClient";

const MiB = 1024 * 1024;
const HEAD = '{"requestId":"R","response":{"requestId":"R","totalCount":0,"dataSet":[],"pad":"';
const TAIL = '"}}';

interface FloodServer {
  readonly domain: string;
  /** Body bytes the server managed to hand to the socket. */
  written(): number;
  /** How many replies ended with the client gone before the last byte. */
  cutOff(): number;
  requests(): number;
  close(): Promise<void>;
}

/** Streams `bytes` of `fill` inside a JSON reply, 64 KiB at a time, as fast as the client reads. */
function stream(res: ServerResponse, bytes: number, fill: string, count: (n: number) => void): void {
  const chunk = Buffer.from(fill.repeat(Math.ceil((64 * 1024) / Buffer.byteLength(fill))));
  let left = bytes;
  res.writeHead(200, { "content-type": "application/json" });
  res.write(HEAD);
  const pump = (): void => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      count(piece.length);
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    res.end(TAIL);
  };
  pump();
}

async function startFlood(
  reply: (res: ServerResponse, count: (n: number) => void) => void,
): Promise<FloodServer> {
  let written = 0;
  let cutOff = 0;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on("end", () => reply(res, (n) => (written += n)));
    res.on("close", () => void (res.writableFinished ? undefined : (cutOff += 1)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    domain: `127.0.0.1:${String(port)}`,
    written: () => written,
    cutOff: () => cutOff,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let server: FloodServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("a reply larger than the client's limit", () => {
  it("fails once with REPLY_TOO_LARGE naming the endpoint and the limit, having read little past the limit", async () => {
    const flood = await startFlood((res, count) => stream(res, 1024 * MiB, "x", count));
    server = flood;
    const { client } = clientFor(flood);
    const error = await apiErrorOf(client.describeNetworkInterfaces({}));
    expect(error).toMatchObject({ code: "REPLY_TOO_LARGE", category: "permanent", blamesEndpoint: true });
    expect(error.message).toContain(`The endpoint http://${flood.domain}/api/v2/zec comes from`);
    expect(error.message).toContain(`limit of 16 MiB (${String(MAX_REPLY_BYTES)} bytes)`);
    expect(error.message).not.toContain("could not reach");
    expect(flood.requests()).toBe(1);
    await eventually(() => flood.cutOff() === 1, "the client to hang up");
    // The limit, plus what the two sockets' buffers held when the client hung up.
    expect(flood.written()).toBeLessThan(MAX_REPLY_BYTES + 16 * MiB);
  });

  it("counts the bytes after decompression, so a small gzip bomb is cut off too", async () => {
    const body = gzipSync(Buffer.from(`${HEAD}${"x".repeat(64 * MiB)}${TAIL}`));
    const bomb = await startFlood((res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(body);
    });
    server = bomb;
    const error = await apiErrorOf(clientFor(bomb).client.describeInstances({}));
    expect(error.code).toBe("REPLY_TOO_LARGE");
    expect(body.length).toBeLessThan(MiB);
  });

  it("still reads a large legitimate reply whole, multi-byte characters split across chunks included", async () => {
    const fill = "é€😀";
    const ok = await startFlood((res, count) =>
      stream(res, 2 * MiB - ((2 * MiB) % Buffer.byteLength(fill)), fill, count),
    );
    server = ok;
    const page = (await clientFor(ok).client.describeNetworkInterfaces({})) as unknown as { pad: string };
    expect(page.pad.length).toBeGreaterThan(MiB / 2);
    expect(page.pad.replaceAll(fill, "")).toBe("");
  });
});
