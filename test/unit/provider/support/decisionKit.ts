/**
 * What a decision table needs: a `ResourceContext` on a scripted Zenlayer (a fresh account per
 * kit, so no test inherits another's read-lag evidence), and a way to run a core function to its
 * end on jest's fake timers, so the clock, sleeps, deadlines and the batched reader's window all
 * run on fake time.
 */
import { ContextBuilder } from "../../../../provider/core/context";
import type { ContextOverrides, ResourceContext } from "../../../../provider/core/context";
import { PartialFailure } from "../../../../provider/core/failures";
import type { ProviderOptions } from "../../../../provider/dynamic/providers";
import type { InstanceStatus, NicInfo, RateLimiter } from "../../../../sdk/index";
import { instanceRecord, nicRecord } from "./cloudTimeline";
import { ScriptedZenlayer } from "./scriptedZenlayer";

export const NIC = "1000000000000000001";
export const INSTANCE = "1100000000000000001";
export const OTHER_INSTANCE = "1100000000000000002";

/** A limiter that never holds a request back: pacing by the rate limit is not what these tables test. */
export const UNLIMITED: RateLimiter = { acquire: () => Promise.resolve() };

/** Backoff jitter pinned to the middle of its range, so every run takes the same fake time. */
const HALF = (): number => 0.5;

/** Where fake time starts: a fixed epoch, so looks fall on the same grid in every run. */
const EPOCH = Date.UTC(2025, 6, 16, 1, 0, 0);

/** The moment `ms` before a kit's start: when a write an earlier `up` recorded (`writeSentAt`) was sent. */
export function sentBeforeStart(ms: number): number {
  return EPOCH - ms;
}

let accounts = 0;

export interface Kit {
  readonly zenlayer: ScriptedZenlayer;
  readonly logs: string[];
  /** A fresh context for one call: what a front end builds per handler call. */
  context(): ResourceContext;
  /** Options for the dynamic providers' factories, on the same scripted Zenlayer and account. */
  providerOptions(): ProviderOptions;
}

/**
 * Fake timers at a fixed epoch and a scripted Zenlayer holding `instances` (RUNNING unless said)
 * and `nics`, with a context builder on it. `overrides` sets the read-consistency window,
 * polling (the defaults, 1 s each, are production's) or a rate limiter (default: none).
 */
export function startKit(
  setup: { nics?: NicInfo[]; instances?: Record<string, InstanceStatus> } = {},
  overrides: Omit<ContextOverrides, "clientDeps"> & { rateLimiter?: RateLimiter } = {},
): Kit {
  jest.useFakeTimers({ now: EPOCH });
  const zenlayer = new ScriptedZenlayer();
  const instances = setup.instances ?? { [INSTANCE]: "RUNNING", [OTHER_INSTANCE]: "RUNNING" };
  for (const [id, status] of Object.entries(instances))
    zenlayer.cloud.putInstance(instanceRecord(id, status));
  for (const nic of setup.nics ?? []) zenlayer.cloud.putNic(nic);
  zenlayer.cloud.seal();
  const { rateLimiter = UNLIMITED, ...settings } = overrides;
  const clientDeps = { transport: zenlayer, rateLimiter, random: HALF };
  const builder = new ContextBuilder({ ...settings, clientDeps });
  const logs: string[] = [];
  const log = (line: string): void => void logs.push(line);
  accounts += 1;
  const explicit = {
    accessKeyId: `decisions-${String(accounts)}`,
    accessKeyPassword: "not-a-secret",
    domain: "zenlayer.test",
  };
  return {
    zenlayer,
    logs,
    context: () => builder.build({ explicit, env: {}, log }),
    providerOptions: () => ({
      clientSettings: explicit,
      env: {},
      log,
      clientDeps,
      ...(settings.polling === undefined ? {} : { polling: settings.polling }),
      ...(settings.readConsistencyMs === undefined ? {} : { readConsistencyMs: settings.readConsistencyMs }),
    }),
  };
}

/** A NIC in the scripted cloud: free by default; `on` attaches it (USED) to an instance. */
export function nic(fields: Partial<NicInfo> & { on?: string } = {}): NicInfo {
  const { on, ...rest } = fields;
  return nicRecord(NIC, on === undefined ? rest : { status: "USED", instanceId: on, ...rest });
}

/**
 * Changes the NIC `ms` from now, as a transition or someone else would: its `fields`, or gone
 * (`undefined`). A NIC the cloud does not hold then is put there as `absent` with `fields`.
 */
export function nicLater(ms: number, fields: Partial<NicInfo> | undefined, absent: NicInfo = nic()) {
  return (kit: Kit): void =>
    kit.zenlayer.cloud.later(ms, (state) => {
      const nics = new Map(state.nics);
      if (fields === undefined) nics.delete(NIC);
      else nics.set(NIC, { ...(nics.get(NIC) ?? absent), ...fields });
      return { ...state, nics };
    });
}

/** How a core function ended, and when (fake ms after it started). */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly afterMs: number }
  | { readonly ok: false; readonly error: Error; readonly afterMs: number };

/** The most fake time one call may take before the test fails: more than any timeout used here. */
const FAKE_TIME_LIMIT_MS = 30 * 60_000;

/**
 * Runs `work` to its end on fake time, timer by timer. A call that is still pending with no timer
 * left (it waits on nothing that can ever happen) fails the test instead of hanging it.
 */
export async function run<T>(work: Promise<T>): Promise<Outcome<T>> {
  const startedAt = Date.now();
  let outcome: Outcome<T> | undefined;
  work.then(
    (value) => (outcome = { ok: true, value, afterMs: Date.now() - startedAt }),
    (error: unknown) => (outcome = { ok: false, error: error as Error, afterMs: Date.now() - startedAt }),
  );
  while (outcome === undefined) {
    if (Date.now() - startedAt > FAKE_TIME_LIMIT_MS) throw new Error("still running after 30 fake minutes");
    if (jest.getTimerCount() === 0) await flushMicrotasks();
    if (outcome === undefined && jest.getTimerCount() === 0) throw new Error("pending with no timer left");
    await jest.advanceTimersToNextTimerAsync();
  }
  return outcome;
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** The value `work` ended with; fails the test, with the error's message, if it failed. */
export async function succeeds<T>(work: Promise<T>): Promise<T> {
  const outcome = await run(work);
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.error.message}`);
  return outcome.value;
}

/** The error `work` ended with; fails the test if it succeeded. */
export async function fails(work: Promise<unknown>): Promise<Error> {
  const outcome = await run(work);
  if (outcome.ok) throw new Error("expected a failure, but it succeeded");
  return outcome.error;
}

/** What a failure left in the stack: `undefined` for a plain failure, else the partial failure's id and outputs. */
export function keptInStack(error: Error): { id: string; status: unknown; instanceId: unknown } | undefined {
  if (!(error instanceof PartialFailure)) return undefined;
  const outputs = error.outputs as { status?: unknown; instanceId?: unknown };
  return { id: error.id, status: outputs.status, instanceId: outputs.instanceId };
}

/** The outputs a partial failure keeps in the stack; `undefined` for a plain failure. */
export function keptOutputs(error: Error): Record<string, unknown> | undefined {
  return error instanceof PartialFailure ? (error.outputs as Record<string, unknown>) : undefined;
}
