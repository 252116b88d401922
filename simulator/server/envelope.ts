import type { ServerResponse } from "node:http";

/**
 * How an API request is answered. The pipeline decides an outcome first and sends it last, which
 * keeps the decision logic free of I/O and makes "execute, then lose the answer" expressible.
 * @internal
 */
export type Outcome =
  | {
      readonly kind: "json";
      readonly status: number;
      readonly body: unknown;
      readonly code?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: "html"; readonly status: number }
  | { readonly kind: "empty"; readonly status: number }
  | { readonly kind: "reset" };

/** The documented success envelope: `response.requestId` repeats the top-level one. @internal */
export function successOutcome(requestId: string, fields: Readonly<Record<string, unknown>>): Outcome {
  return { kind: "json", status: 200, body: { requestId, response: { requestId, ...fields } } };
}

/** The documented failure envelope: no `response` key at all. @internal */
export function errorOutcome(
  requestId: string,
  error: { readonly httpStatus: number; readonly code: string; readonly message: string },
  headers?: Readonly<Record<string, string>>,
): Outcome {
  const body = { requestId, code: error.code, message: error.message };
  return {
    kind: "json",
    status: error.httpStatus,
    body,
    code: error.code,
    ...(headers === undefined ? {} : { headers }),
  };
}

/** An edge page: a gateway error, or (403) a bot challenge marked the way Cloudflare marks it. */
function htmlPage(status: number): { body: string; headers: Record<string, string> } {
  const title = status === 403 ? "Just a moment..." : `${status} Bad Gateway`;
  const body = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>edge</center></body></html>\n`;
  const headers: Record<string, string> = { "content-type": "text/html; charset=UTF-8" };
  if (status === 403) headers["cf-mitigated"] = "challenge";
  return { body, headers };
}

/** Sends an outcome; a reset destroys the socket without a byte of answer. @internal */
export function deliver(res: ServerResponse, outcome: Outcome): void {
  switch (outcome.kind) {
    case "reset":
      res.socket?.destroy();
      res.destroy();
      return;
    case "empty":
      res.writeHead(outcome.status, { "content-length": "0" }).end();
      return;
    case "html": {
      const page = htmlPage(outcome.status);
      res.writeHead(outcome.status, page.headers).end(page.body);
      return;
    }
    case "json":
      res
        .writeHead(outcome.status, { "content-type": "application/json; charset=utf-8", ...outcome.headers })
        .end(JSON.stringify(outcome.body));
  }
}

/** Plain-text answers for requests outside the API (unknown paths, wrong methods). @internal */
export function sendPlain(
  res: ServerResponse,
  status: number,
  text: string,
  headers?: Record<string, string>,
): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${text}\n`);
}
