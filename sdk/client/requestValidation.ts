import { ClientErrorCode } from "../retry/classification";
/**
 * The last check before a request leaves this process: request values that cannot be meant
 * (ids with control characters or of absurd length, a body of megabytes) are refused by the
 * client itself, before a rate-limit token is taken or a byte is sent. Zenlayer would refuse them
 * too, but only after they had crossed the network, entered its logs and spent the account's
 * request rate. The provider checks its inputs more strictly first; this catches every other
 * caller of the client.
 * @packageDocumentation
 */
import { ZenlayerApiError } from "../errors";
import { displayValue } from "../util/displayValue";

/**
 * The largest request body sent, in UTF-8 bytes. Zenlayer documents no limit; the largest body this
 * client builds (a Describe naming 100 ids) is a few KiB, so 256 KiB leaves room for any other
 * service's call through `callApi` while refusing megabytes of junk.
 * @internal
 */
export const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * The longest id sent. The ids Zenlayer has been seen to issue are 17–19 digit numbers, and its other
 * identifiers (key pairs such as `key-7K9AcYWv`, zones such as `HKG-A`) are shorter still; 64 is
 * far beyond all of them.
 * @internal
 */
export const MAX_ID_LENGTH = 64;

/**
 * What any id field may hold: ASCII letters, digits, `-`, `_`, `.` and `:`. This is looser than
 * the provider's rule (digits only), because not every identifier is numeric (key pairs such as
 * `key-7K9AcYWv`, zones such as `HKG-A`, regions such as `asia-east-1`); it still excludes every
 * space, quote, bracket, control, escape and non-ASCII character, none of which an identifier has.
 */
const ID_SHAPE = new RegExp(`^[A-Za-z0-9._:-]{1,${String(MAX_ID_LENGTH)}}$`);

/** Fields holding one id (`nicId`, `instanceId`, `zoneId`) or a list of them (`nicIds`). */
const ID_FIELD = /Ids?$/;

/** How deep id fields are looked for; request bodies nest a level or two at most. */
const MAX_DEPTH = 4;

function idProblem(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && ID_SHAPE.test(value)) return undefined;
  const rule = `1 to ${String(MAX_ID_LENGTH)} ASCII letters, digits, "-", "_", "." or ":"`;
  return `request field ${displayValue(field)} must be an id of ${rule}; got ${displayValue(value)}`;
}

function idListProblem(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    return `request field ${displayValue(field)} must be a list of ids; got ${displayValue(value)}`;
  }
  for (const [index, item] of value.entries()) {
    const problem = idProblem(`${field}[${String(index)}]`, item);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** What is wrong with one field: an id field's value, or any id field nested inside it. */
function fieldProblem(key: string, field: string, value: unknown, depth: number): string | undefined {
  if (!ID_FIELD.test(key)) return firstIdProblem(value, field, depth + 1);
  return key.endsWith("Ids") ? idListProblem(field, value) : idProblem(field, value);
}

/** The first id field, at any depth up to {@link MAX_DEPTH}, that holds something no id can be. */
function firstIdProblem(node: unknown, path: string, depth: number): string | undefined {
  if (typeof node !== "object" || node === null || depth > MAX_DEPTH) return undefined;
  const entries: [string, string, unknown][] = Array.isArray(node)
    ? node.map((item: unknown, index) => ["", `${path}[${String(index)}]`, item])
    : Object.entries(node).map(([key, item]) => [key, path === "" ? key : `${path}.${key}`, item]);
  for (const [key, field, value] of entries) {
    const problem = fieldProblem(key, field, value, depth);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function sizeProblem(body: object): string | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(body) ?? "", "utf8");
  if (bytes <= MAX_REQUEST_BYTES) return undefined;
  return `the request body is ${String(bytes)} bytes, over the client's limit of ${String(MAX_REQUEST_BYTES)}`;
}

/**
 * Throws a {@link ZenlayerApiError} with code `INVALID_REQUEST_VALUE`, naming the field and
 * showing its value escaped and cut short, when `body` holds an id that no service can have issued
 * or is larger than {@link MAX_REQUEST_BYTES}. Called before anything else a call does, so a
 * refused request costs no token, no signature and no traffic.
 * @internal
 */
export function assertSendable(action: string, body: object): void {
  const problem = firstIdProblem(body, "", 0) ?? sizeProblem(body);
  if (problem === undefined) return;
  const detail = `${problem}; nothing was sent`;
  throw new ZenlayerApiError({ code: ClientErrorCode.INVALID_REQUEST_VALUE, detail, action });
}
