import { adminRefusal } from "./admin/adminGuard";
import { handleAdmin } from "./admin/adminRoutes";
import { createOutOfBand } from "./state/outOfBand";
import { FaultInjector, ScriptedFailures } from "./faults/faultInjector";
import { Sleeper } from "./faults/sleeper";
import { RequestLog } from "./log/requestLog";
import { TransitionLog } from "./state/transitionLog";
import type { SimulatorRuntime } from "./runtime";
import { handleApiRequest, handleApiTooLarge } from "./server/apiPipeline";
import { listen, MAX_BODY_BYTES, serverTimeouts } from "./server/httpServer";
import { Engine, instanceKey, nicKey } from "./state/engine";
import { IdGenerator } from "./state/ids";
import type { InstanceRecord } from "./state/records";
import { renderInstance, renderNic } from "./state/render";
import { Seeder } from "./state/seed";
import { StaleReads } from "./state/staleView";
import { Store } from "./state/store";
import { TransitionScheduler } from "./state/transitions";
import type { OutOfBandControl, Simulator, SimulatorControl, SimulatorOptions } from "./types/options";
import type { WireInstance } from "./types/wire";

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
const DEFAULT_TRANSITION_LOG_LIMIT = 1000;

function buildRuntime(options: SimulatorOptions): SimulatorRuntime {
  const now = options.now ?? Date.now;
  const seed = options.randomSeed ?? DEFAULT_RANDOM_SEED;
  const store = new Store(new IdGenerator(seed));
  const faults = new FaultInjector(options.faults ?? {}, seed, now);
  const scheduler = new TransitionScheduler(options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS);
  const stale = new StaleReads(now, () => faults.staleReadMs());
  const transitions = new TransitionLog(options.transitionLogLimit ?? DEFAULT_TRANSITION_LOG_LIMIT);
  const engine = new Engine(store, scheduler, stale, now, faults, transitions);
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

function stallMatcher(opts: { nicId?: string; instanceId?: string }): (key: string) => boolean {
  const keys: string[] = [];
  if (opts.nicId !== undefined) keys.push(nicKey(opts.nicId));
  if (opts.instanceId !== undefined) keys.push(instanceKey(opts.instanceId));
  return keys.length === 0 ? () => true : (key) => keys.includes(key);
}

/**
 * The in-process control surface for tests and the admin routes. Every read renders fresh
 * objects from the true state (never the stale view), so callers cannot mutate the simulator.
 */
function createControl(runtime: SimulatorRuntime, outOfBand: OutOfBandControl): SimulatorControl {
  const { engine, seeder } = runtime;
  const store = engine.store;
  const instanceInfo = (record: InstanceRecord): WireInstance =>
    renderInstance(record, store.nicsAttachedTo(record.instanceId), renderNic);

  return {
    seed: (doc) => seeder.apply(doc),
    addInstance: (spec) => instanceInfo(seeder.addInstance(spec)),
    addNic: (spec) => renderNic(seeder.addNic(spec)),
    snapshot: () => ({
      instances: [...store.instances.values()].map(instanceInfo),
      nics: [...store.nics.values()].map(renderNic),
    }),
    getNic: (nicId) => {
      const nic = store.nics.get(nicId);
      return nic === undefined ? undefined : renderNic(nic);
    },
    getInstance: (instanceId) => {
      const instance = store.instances.get(instanceId);
      return instance === undefined ? undefined : instanceInfo(instance);
    },
    requestLog: () => runtime.log.list(),
    actionCounts: () => runtime.log.countsByAction(),
    resetRequestLog: () => runtime.log.reset(),
    transitionLog: () => engine.transitions.list(),
    setFaults: (faults) => runtime.faults.set(faults),
    failNext: (rule) => runtime.scripted.add(rule),
    setTransitionDelay: (ms) => {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error("transition delay must be a non-negative number of ms");
      engine.scheduler.setDelay(ms);
    },
    setErrorCodes: (generation) => {
      runtime.settings.errorCodes = generation;
    },
    stallTransitions: (opts) => engine.scheduler.stall(stallMatcher(opts), opts.forMs),
    releaseStalls: () => engine.scheduler.releaseStalls(),
    outOfBand,
    whenIdle: () => engine.scheduler.whenIdle(),
  };
}

/** The admin token, refused when it could never be sent in a Bearer header. */
function checkedAdminToken(token: string | undefined): string | undefined {
  if (token !== undefined && !/^\S+$/.test(token)) {
    throw new Error("adminToken must be a non-empty string without whitespace");
  }
  return token;
}

/** The host part of a URL for a listening address (wildcards are reached via loopback). */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
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
  const adminToken = checkedAdminToken(options.adminToken);
  const server = await listen(host, options.port ?? 0, serverTimeouts(options), {
    api: (req, res, body) => handleApiRequest(req, res, body, runtime),
    apiTooLarge: (req, res, bytes) => handleApiTooLarge(req, res, bytes, MAX_BODY_BYTES, runtime),
    adminRefusal: (req) => adminRefusal(req, adminToken),
    admin: (req, res, path, body) => handleAdmin(req, res, path, body, { control, log: runtime.log }),
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
