import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { ChaosAgent } from "../chaosAgent";
import { streamFor } from "../draw";
import type { EngineState } from "../engineState";
import { ENGINE_STREAMS } from "./plan";
import type { KillPlan } from "./plan";
import type { CommandName, CommandRecord, Phase, StackView } from "./trace";
import type { ChaosEvent, NicView, ResourceSpec } from "../trace";
import type { Simulator } from "../../../simulator/index";
import { killHard, killProcessesIn } from "../../e2e/support/processes";
import { killAtPoint, removeEmptySidecars } from "./kills";
import type { StackCommands } from "./stackCommands";
import { stackViewOf, stepsOf } from "./stackReading";

/** The stack lock a killed CLI leaves behind; the user's answer is `pulumi cancel`. */
const LOCKED = /the stack is currently locked/;
/** A command still running after this long is stopped (kill -9), so that one hang cannot stall a batch. */
const COMMAND_LIMIT_MS = 300_000;

/** What one run's commands act on and where they are recorded. */
export interface SessionSetup {
  readonly sim: Simulator;
  readonly stack: StackCommands;
  readonly specs: readonly ResourceSpec[];
  readonly projectDir: string;
  /** The folder of the stack's file backend (`PULUMI_BACKEND_URL` without `file://`). */
  readonly backendDir: string;
  /** Where each command's engine events go (one file per command). */
  readonly eventsDir: string;
  readonly seed: number;
  readonly agent: ChaosAgent;
  /** The agent's view of the stack (which instance each resource records), kept current after each command. */
  readonly agentState: EngineState;
  readonly log: (line: string) => void;
}

/** How a command is run: its phase, whether out-of-band changes go on meanwhile, and a kill. */
export interface RunOptions {
  readonly phase: Phase;
  readonly chaos?: boolean;
  readonly kill?: KillPlan;
}

/**
 * Runs a run's `pulumi` commands one at a time, as one user at one terminal does, and records
 * each: timing, outcome, output, the engine's steps, a kill if one was planned, the NICs' true
 * state the moment it returned, and the stack (plain export) right after.
 */
export class Session {
  readonly commands: CommandRecord[] = [];
  /** Provider plugins left running by kills. */
  readonly orphanPids: number[] = [];
  /** What the user changed in the cloud themselves (detaches the provider's errors asked for). */
  readonly userEvents: ChaosEvent[] = [];
  private readonly startMs = Date.now();

  constructor(private readonly setup: SessionSetup) {}

  /** Runs one command; with `chaos`, the agent's events for it fire while it runs. */
  async run(name: CommandName, options: RunOptions): Promise<CommandRecord> {
    const { setup } = this;
    const index = this.commands.length;
    const eventLog = path.join(setup.eventsDir, `${index}-${name.replace(/[^a-z]+/g, "-")}.jsonl`);
    if (options.chaos === true) {
      // A command lasts as long as several rounds of the handler runs: two rounds' worth of events.
      const random = streamFor(setup.seed, ENGINE_STREAMS.commands + index);
      setup.agent.startRound(random);
      setup.agent.startRound(random);
    }
    const startMs = Date.now();
    const started = setup.stack.start(name, eventLog);
    let ended = false;
    let stopped = false;
    const watchdog = setTimeout(() => {
      stopped = true;
      if (started.groupLeader !== undefined) killHard(-started.groupLeader);
      killProcessesIn(setup.projectDir);
    }, COMMAND_LIMIT_MS);
    const outcome = started.outcome.finally(() => {
      ended = true;
      clearTimeout(watchdog);
    });
    const kill =
      options.kill === undefined || started.groupLeader === undefined
        ? Promise.resolve(undefined)
        : killAtPoint(options.kill, {
            sim: setup.sim,
            projectDir: setup.projectDir,
            groupLeader: started.groupLeader,
            startMs,
            ended: () => ended,
          });
    const result = await outcome;
    const endMs = Date.now();
    const nicsAfter = this.nicsNow();
    setup.agent.endRound();
    const killed = await kill;
    if (killed !== undefined) this.orphanPids.push(...killed.orphanPids);
    if (killed?.record.signal.startsWith("SIGKILL") === true) this.repairBackendAsUser();
    const steps = existsSync(eventLog) ? stepsOf(readFileSync(eventLog, "utf8")) : [];
    const exported = name === "cancel" ? undefined : await this.exportState();
    const record: CommandRecord = {
      index,
      name,
      phase: options.phase,
      startMs,
      endMs,
      ok: result.ok,
      exit: result.exit,
      ...(stopped
        ? { error: `still running after ${COMMAND_LIMIT_MS / 1000} s: stopped by the harness (kill -9)` }
        : result.error === undefined
          ? {}
          : { error: result.error }),
      output: result.output,
      ...(killed === undefined ? {} : { kill: killed.record }),
      ...(killed === undefined && options.kill !== undefined ? { killMissed: options.kill.signal } : {}),
      steps,
      ...(exported === undefined ? {} : { stateAfter: exported.view, exportText: exported.text }),
      nicsAfter,
    };
    this.commands.push(record);
    if (exported !== undefined) this.noteState(exported.view);
    setup.log(describeCommand(record, this.startMs));
    return record;
  }

  /**
   * Runs a command as a user does: when the CLI says the stack is locked (a killed CLI left its
   * lock), `pulumi cancel`, then the command again.
   */
  async runAsUser(name: CommandName, options: RunOptions): Promise<CommandRecord> {
    const first = await this.run(name, options);
    if (first.ok || !LOCKED.test(`${first.error ?? ""}\n${first.output}`)) return first;
    await this.run("cancel", { phase: options.phase });
    return this.run(name, {
      phase: options.phase,
      ...(options.chaos === undefined ? {} : { chaos: options.chaos }),
    });
  }

  /**
   * Detaches NICs from the instances they are attached to, as a user does in the console when
   * `up` says "NIC … is attached to instance …, not …. Detach it there first". Recorded as an
   * out-of-band detach, which is what it is to the provider.
   */
  detachAsUser(nics: readonly { readonly nicId: string; readonly instanceId: string }[]): void {
    for (const { nicId, instanceId } of nics) {
      const nic = this.setup.sim.control.getNic(nicId);
      if (nic?.instanceId !== instanceId || (nic.status !== "USED" && nic.status !== "ATTACHING")) continue;
      this.setup.sim.control.outOfBand.detachNic(nicId);
      this.userEvents.push({ atMs: Date.now(), kind: "out-of-band detach", nicId, instanceId });
      this.setup.log(`  the user detaches NIC ${nicId} from instance ${instanceId}, as the error says`);
    }
  }

  /**
   * After a kill -9, deletes the empty checkpoint sidecar Pulumi's file backend can leave (see
   * {@link removeEmptySidecars}), as a user does when every command then says "failed to load
   * checkpoint: EOF". Recorded as a user event, so the trace shows it.
   */
  private repairBackendAsUser(): void {
    for (const file of removeEmptySidecars(this.setup.backendDir)) {
      this.userEvents.push({ atMs: Date.now(), kind: `user deletes the empty ${file} a kill -9 left` });
      this.setup.log(`  the kill left ${file} empty (Pulumi's file backend); the user deletes it`);
    }
  }

  /** Each resource's NIC as the simulator's true state has it now. */
  nicsNow(): Record<string, NicView | null> {
    const nics: Record<string, NicView | null> = {};
    for (const spec of this.setup.specs) {
      const nic = this.setup.sim.control.getNic(spec.nicId);
      nics[spec.name] = nic === undefined ? null : { instanceId: nic.instanceId ?? null, status: nic.status };
    }
    return nics;
  }

  /** The plain export and what it shows; tried twice, since a failing export says nothing about the provider. */
  private async exportState(): Promise<{ text: string; view: StackView } | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const text = await this.setup.stack.exportPlain();
        return { text, view: stackViewOf(text) };
      } catch (error) {
        this.setup.log(
          `  export failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        );
      }
    }
    return undefined;
  }

  /** Keeps the agent's view current, so it never moves a NIC to the instance its resource records. */
  private noteState(view: StackView): void {
    const { agentState } = this.setup;
    for (const spec of this.setup.specs) agentState.drop(spec.name);
    for (const attachment of view.attachments) {
      agentState.store(attachment.resource, {
        id: attachment.id,
        props: attachment.instanceId === undefined ? {} : { instanceId: attachment.instanceId },
        initErrors: false,
      });
    }
  }
}

/** One progress line per command: when, what, how it ended. */
export function describeCommand(command: CommandRecord, runStartMs: number): string {
  const seconds = (ms: number): string => ((ms - runStartMs) / 1000).toFixed(1);
  const kill =
    command.kill === undefined
      ? ""
      : ` [${command.kill.signal} at +${seconds(command.kill.atMs)} s after ${command.kill.writesSeen} writes]`;
  const verdict = command.ok ? "ok" : `failed (${command.exit}): ${command.error ?? ""}`;
  const pending =
    (command.stateAfter?.pending.length ?? 0) > 0
      ? `; pending: ${command.stateAfter?.pending.join(", ")}`
      : "";
  return `  #${command.index} +${seconds(command.startMs)}..+${seconds(command.endMs)} s ${command.name}${kill}: ${verdict}${pending}`;
}
