import type { PagedResponse } from "../../../sdk/index";
import { isZenlayerApiError } from "../../../sdk/index";
import type { PagedDescribe } from "../../../sdk/zec/paging";
import { DESCRIBE_ALL_PAGE_SIZE, describeAllPages } from "../../../sdk/zec/paging";

const ENDPOINT = {
  url: "https://zec.example.test/api/v2/zec",
  source: "ZENLAYERCLOUD_DOMAIN from the environment",
};

/** A describe answering `pages(pageNum)` and recording which pages were asked for. */
function describeOf(
  pages: (pageNum: number) => { totalCount: number; items: number },
): PagedDescribe<string> & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    action: "DescribeNetworkInterfaces",
    endpoint: ENDPOINT,
    fetch: async (pageNum, pageSize): Promise<PagedResponse<string>> => {
      asked.push(pageNum);
      expect(pageSize).toBe(DESCRIBE_ALL_PAGE_SIZE);
      const { totalCount, items } = pages(pageNum);
      const dataSet = Array.from({ length: items }, (_, i) => `${String(pageNum)}-${String(i)}`);
      return { requestId: `R${String(pageNum)}`, totalCount, dataSet };
    },
  };
}

describe("describeAllPages", () => {
  it("reads every page of an honest total", async () => {
    const describe = describeOf((pageNum) => ({ totalCount: 250, items: pageNum < 3 ? 100 : 50 }));
    expect(await describeAllPages(describe)).toHaveLength(250);
    expect(describe.asked).toEqual([1, 2, 3]);
  });

  it("stops at what the first page promised, however much later pages raise the total", async () => {
    const describe = describeOf((pageNum) => ({ totalCount: (pageNum + 1) * 100, items: 100 }));
    expect(await describeAllPages(describe)).toHaveLength(200);
    expect(describe.asked).toEqual([1, 2]);
  });

  it("stops at a short page even when the total promised more", async () => {
    const describe = describeOf((pageNum) => ({ totalCount: 1000, items: pageNum === 1 ? 100 : 30 }));
    expect(await describeAllPages(describe)).toHaveLength(130);
    expect(describe.asked).toEqual([1, 2]);
  });

  it("stops after the first page when its total is not a number", async () => {
    const describe = describeOf(() => ({ totalCount: Number.NaN, items: 100 }));
    expect(await describeAllPages(describe)).toHaveLength(100);
    expect(describe.asked).toEqual([1]);
  });

  it("reads exactly the page cap, and fails at once, naming the endpoint, when the first page promises more", async () => {
    const atCap = describeOf(() => ({ totalCount: 5 * DESCRIBE_ALL_PAGE_SIZE, items: 100 }));
    expect(await describeAllPages(atCap, 5)).toHaveLength(500);
    expect(atCap.asked).toEqual([1, 2, 3, 4, 5]);

    const beyond = describeOf(() => ({ totalCount: 5 * DESCRIBE_ALL_PAGE_SIZE + 1, items: 100 }));
    const error = await describeAllPages(beyond, 5).catch((thrown: unknown) => thrown);
    expect(beyond.asked).toEqual([1]);
    expect(isZenlayerApiError(error) && error).toMatchObject({
      code: "PAGING_LIMIT_EXCEEDED",
      category: "permanent",
      blamesEndpoint: true,
      requestId: "R1",
      action: "DescribeNetworkInterfaces",
    });
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain(
      "the first page says 501 items match, 6 pages of 100; this client reads at most 5 pages",
    );
    expect(message).toContain(`The endpoint ${ENDPOINT.url} comes from: ${ENDPOINT.source}`);
  });
});
