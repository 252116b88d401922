import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ClientDeps, ClientSettings } from "../../sdk/index";
import { ContextBuilder } from "../core/context";
import type { PollingSettings, ResourceContext } from "../core/context";

/**
 * Options for building a provider: production uses none of them; tests and tools use them to
 * point at a simulator with fast polling.
 * @public
 */
export interface ProviderOptions {
  /** Settings that win over stack config and the environment. */
  readonly clientSettings?: ClientSettings;
  /** Environment to read settings from; defaults to `process.env`, read at call time. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * How often to look while something is in flight; `intervalMs` from 1 ms to 24 h, checked when
   * the provider is built. Default: `PULUMI_ZENLAYER_POLL_INTERVAL_MS`, else 1000.
   */
  readonly polling?: PollingSettings;
  /** How long Describe may lag a write; 1000 ms by default (`PULUMI_ZENLAYER_READ_CONSISTENCY_MS`). */
  readonly readConsistencyMs?: number;
  /** Where progress lines go; `console.log` by default, which the engine shows under the resource. */
  readonly log?: (line: string) => void;
  /**
   * The client's transport, rate limiter, clock, randomness and sleep, which the operations' own
   * waits use too: tests script Zenlayer at the transport and run on a fake clock.
   */
  readonly clientDeps?: ClientDeps;
}

/** The stack config key of the read-consistency window. */
const READ_CONSISTENCY_KEY = "zenlayer:readConsistencyMs";

/**
 * Where a dynamic provider's handlers get their context: `configure` (which the engine calls with
 * the stack config, secrets decrypted) records how to read stack config; `context()` builds a
 * fresh context per handler call from explicit options, stack config and the environment, in that
 * order.
 * @internal
 */
export function contextSource(options: ProviderOptions): {
  configure(req: dynamic.ConfigureRequest): void;
  context(): ResourceContext;
} {
  let stackConfig: ((key: string) => string | undefined) | undefined;
  const builder = new ContextBuilder(options);
  return {
    configure(req) {
      stackConfig = (key) => req.config.get(key);
    },
    context() {
      const configured = Number(stackConfig?.(READ_CONSISTENCY_KEY) ?? Number.NaN);
      return builder.build({
        explicit: options.clientSettings,
        stackConfig,
        readConsistencyMs: Number.isFinite(configured) && configured >= 0 ? configured : undefined,
        env: options.env ?? process.env,
        log: options.log ?? ((line) => console.log(line)),
      });
    },
  };
}
