/**
 * The default transport loads axios with its first request, not with the client: the provider
 * plugin imports the client and must be ready for the engine within 300 ms of its launch, and
 * axios with what it requires was a fifth of that. A stand-in axios records when it is loaded.
 */
import { Readable } from "node:stream";

describe("the default transport", () => {
  it("loads axios on its first request, not when the client is imported, and answers as before", async () => {
    const loads: string[] = [];
    const request = jest.fn(async () => ({
      status: 200,
      headers: { "X-Request-Id": "R1", "Set-Cookie": ["a", "b"] },
      data: Readable.from([Buffer.from("o"), Buffer.from("k")]),
    }));
    await jest.isolateModulesAsync(async () => {
      jest.doMock("axios", () => {
        loads.push("axios");
        return { __esModule: true, default: { request } };
      });
      const { axiosTransport, MAX_REPLY_BYTES } = await import("../../../sdk/index");
      expect(loads).toEqual([]);
      const reply = await axiosTransport.send({
        url: "http://127.0.0.1:1/api/v2/zec",
        headers: { "X-ZC-Action": "DescribeInstances" },
        body: "{}",
        signal: new AbortController().signal,
        maxReplyBytes: MAX_REPLY_BYTES,
      });
      expect(loads).toEqual(["axios"]);
      expect(reply).toEqual({
        status: 200,
        headers: { "x-request-id": "R1", "set-cookie": "a, b" },
        body: "ok",
      });
      expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: "POST", maxRedirects: 0 }));
    });
  });
});
