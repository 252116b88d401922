/**
 * Lookups against an endpoint that accepts the connection and never answers: each gives up at its
 * own deadline, naming itself, the endpoint and the option that gives it more time, instead of
 * waiting out the client's whole retry budget (over four minutes).
 */
import type { LookupOptions } from "../../../provider/zec/index";
import { getInstance, getNetworkInterface, getNetworkInterfaces } from "../../../provider/zec/index";
import { isZenlayerApiError } from "../../../sdk/index";
import type { ScriptedServer, ScriptStep } from "../../support/scriptedServer";
import { startScriptedServer } from "../../support/scriptedServer";
import { KEY_ID, PASSWORD } from "../sdk/integrationClient";
import { failureOf } from "./support/harness";

/** Accepted, then never answered while the test runs. */
const BLACK_HOLE: ScriptStep = { kind: "slow", delayMs: 600_000, then: { kind: "success" } };

const LOOKUPS: readonly (readonly [string, (options: LookupOptions) => Promise<unknown>])[] = [
  ["getNetworkInterface", (options) => getNetworkInterface({ nicId: "1234567890" }, options)],
  ["getNetworkInterfaces", (options) => getNetworkInterfaces({ vpcId: "1234567890" }, options)],
  ["getInstance", (options) => getInstance({ instanceId: "1234567890" }, options)],
];

let server: ScriptedServer;
let clientSettings: NonNullable<LookupOptions["clientSettings"]>;

beforeEach(async () => {
  server = await startScriptedServer({ credentials: { [KEY_ID]: PASSWORD } });
  clientSettings = {
    accessKeyId: KEY_ID,
    accessKeyPassword: PASSWORD,
    domain: server.domain,
    scheme: "HTTP",
  };
});

afterEach(async () => {
  await server.close();
});

describe("a lookup's own deadline", () => {
  it.each(LOOKUPS)(
    "%s gives up at it on a black-holed endpoint, naming itself, the endpoint and what to do",
    async (name, lookup) => {
      server.enqueue(BLACK_HOLE);
      const started = Date.now();
      const error = await failureOf(lookup({ clientSettings, timeoutMs: 400 }));
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(390);
      expect(waited).toBeLessThan(3000);
      expect(error.message).toMatch(
        new RegExp(
          `^${name}: no answer from http://${server.domain}/api/v2/zec within the lookup's 400 ms timeout`,
        ),
      );
      expect(error.message).toContain(
        "(the endpoint comes from: domain set by domain from the explicit options",
      );
      expect(error.message).toContain("give the lookup more time with the `timeoutMs` lookup option");
      expect(isZenlayerApiError(error.cause)).toBe(true);
      expect(server.requests).toHaveLength(1);
    },
  );

  it("lets a failure before the deadline through as it is", async () => {
    server.enqueue({ kind: "error", status: 400, code: "INVALID_PARAMETER_VALUE" });
    const error = await failureOf(
      getInstance({ instanceId: "1234567890" }, { clientSettings, timeoutMs: 5000 }),
    );
    expect(isZenlayerApiError(error) && error.code).toBe("INVALID_PARAMETER_VALUE");
  });

  it("refuses a timeout it cannot keep before sending anything", async () => {
    const error = await failureOf(getNetworkInterfaces({}, { clientSettings, timeoutMs: Number.NaN }));
    expect(error.message).toBe(
      "getNetworkInterfaces: timeoutMs must be a number of milliseconds from 100 to 86400000. " +
        "Nothing was sent to Zenlayer; correct the value in the program.",
    );
    expect(server.requests).toHaveLength(0);
  });
});
