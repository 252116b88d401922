import { handleAdmin } from "./admin/adminRoutes";
import { createControl } from "./control";
import { ScriptedFailures } from "./faults/failNext";
import { FaultInjector } from "./faults/faultInjector";
import { RequestLog } from "./log/requestLog";
import type { SimulatorRuntime } from "./runtime";
import { handleApiRequest } from "./server/apiPipeline";
import { listen } from "./server/httpServer";
import { Sleeper } from "./server/sleeper";
import { Engine } from "./state/engine";
import { IdGenerator } from "./state/ids";
import { createOutOfBand } from "./state/outOfBand";
import { Seeder } from "./state/seed";
import { StaleReads } from "./state/staleView";
import { Store } from "./state/store";
import { TransitionScheduler } from "./state/transitions";
import type { Simulator, SimulatorOptions } from "./types/options";

/**
 * The simulator's built-in key pair. Clearly fake and public: it exists so that a local client
 * can sign requests without any configuration. Never use it (or anything like it) against the
 * real service.
 * @public
 */
export const DEFAULT_ACCESS_KEY: {
  readonly accessKeyId: "SIMULATOR0KEY0ID";
  readonly accessKeyPassword: "simulator-secret-password";
} = { accessKeyId: "SIMULATOR0KEY0ID", accessKeyPassword: "simulator-secret-password" };

const DEFAULT_TRANSITION_DELAY_MS = 300;
const DEFAULT_RANDOM_SEED = 1;
const DEFAULT_NIC_LIMIT = 8;
const DEFAULT_REQUEST_LOG_LIMIT = 1000;

/** The host part of a URL for a listening address (wildcards are reached via loopback). */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function buildRuntime(options: SimulatorOptions): SimulatorRuntime {
  const now = options.now ?? Date.now;
  const seed = options.randomSeed ?? DEFAULT_RANDOM_SEED;
  const store = new Store(new IdGenerator(seed));
  const faults = new FaultInjector(options.faults ?? {}, seed, now);
  const scheduler = new TransitionScheduler(options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS);
  const engine = new Engine(store, scheduler, new StaleReads(now, () => faults.staleReadMs()), now, faults);
  return {
    engine,
    seeder: new Seeder(engine, now),
    faults,
    scripted: new ScriptedFailures(),
    log: new RequestLog(options.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT),
    credentials: {
      accessKeys: options.accessKeys ?? [DEFAULT_ACCESS_KEY],
      bearerTokens: options.bearerTokens ?? [],
    },
    settings: {
      errorCodes: options.errorCodes ?? "current",
      nicLimitPerInstance: options.nicLimitPerInstance ?? DEFAULT_NIC_LIMIT,
    },
    sleeper: new Sleeper(),
    now,
  };
}

/**
 * Starts a local Zenlayer Cloud API simulator serving `POST /api/v2/zec` (and the
 * `/_simulator/` admin surface) on 127.0.0.1, by default on a free port.
 * @public
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const runtime = buildRuntime(options);
  const control = createControl(runtime, createOutOfBand(runtime.engine, runtime.now));
  if (options.seed !== undefined) control.seed(options.seed);
  const host = options.host ?? "127.0.0.1";
  const server = await listen(host, options.port ?? 0, {
    api: (req, res, body) => handleApiRequest(req, res, body, runtime),
    admin: (req, res, path, body) => handleAdmin(req, res, path, body, control),
  });
  const domain = `${urlHost(host)}:${server.port}`;
  return {
    url: `http://${domain}`,
    domain,
    port: server.port,
    control,
    stop: async () => {
      runtime.engine.scheduler.stop();
      runtime.sleeper.stop();
      await server.close();
    },
  };
}
