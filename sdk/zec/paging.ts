/**
 * Reading every page of a Describe, without trusting the endpoint to say when to stop.
 * @packageDocumentation
 */
import type { EndpointInfo } from "../errors";
import { ZenlayerApiError } from "../errors";
import { ClientErrorCode } from "../retry/classification";
import type { PagedResponse } from "./types";

/** The page size `describeAll*` asks for, as Terraform does. @internal */
export const DESCRIBE_ALL_PAGE_SIZE = 100;

/**
 * The most pages one `describeAll*` reads: 1,000 pages are 100,000 NICs or instances and, at the
 * default 10 requests a second, 100 s of the account's request rate. No Pulumi program can use a
 * lookup that size; an endpoint that claims more is broken or hostile, or the filters match far
 * too much, and either way an error says so sooner than a read that never ends.
 * @internal
 */
export const MAX_DESCRIBE_PAGES = 1000;

/** One paged Describe: how to fetch a page, and what to name when it misbehaves. @internal */
export interface PagedDescribe<T> {
  readonly action: string;
  readonly endpoint: EndpointInfo;
  fetch(pageNum: number, pageSize: number): Promise<PagedResponse<T>>;
}

/**
 * Every item of a paged Describe. Reads stop when the items collected reach the `totalCount` of
 * the first page or a page comes back short: later pages' totals are not believed, because a
 * server that raised its total on every page kept the old loop reading forever. So the first
 * page bounds the reads (every later page but the last is full); a first page promising more
 * than `maxPages` fails at once with `PAGING_LIMIT_EXCEEDED`, naming the endpoint.
 * @internal
 */
export async function describeAllPages<T>(
  describe: PagedDescribe<T>,
  maxPages = MAX_DESCRIBE_PAGES,
): Promise<T[]> {
  const first = await describe.fetch(1, DESCRIBE_ALL_PAGE_SIZE);
  const promised = first.totalCount;
  if (promised > maxPages * DESCRIBE_ALL_PAGE_SIZE) throw tooManyPages(describe, first, maxPages);
  const all = [...first.dataSet];
  let last = first;
  for (let pageNum = 2; all.length < promised && last.dataSet.length >= DESCRIBE_ALL_PAGE_SIZE; pageNum++) {
    last = await describe.fetch(pageNum, DESCRIBE_ALL_PAGE_SIZE);
    all.push(...last.dataSet);
  }
  return all;
}

function tooManyPages<T>(
  describe: PagedDescribe<T>,
  first: PagedResponse<T>,
  maxPages: number,
): ZenlayerApiError {
  const pages = Math.ceil(first.totalCount / DESCRIBE_ALL_PAGE_SIZE);
  const detail =
    `the first page says ${String(first.totalCount)} items match, ${String(pages)} pages of ` +
    `${String(DESCRIBE_ALL_PAGE_SIZE)}; this client reads at most ${String(maxPages)} pages, so it ` +
    "stopped there. Narrow the filters if that many really match";
  return new ZenlayerApiError({
    code: ClientErrorCode.PAGING_LIMIT_EXCEEDED,
    detail,
    action: describe.action,
    endpoint: describe.endpoint,
    httpStatus: 200,
    requestId: first.requestId,
  });
}
