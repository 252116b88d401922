import { constants } from "node:os";

/**
 * Clean-up that also runs when a script is interrupted. Node ends a process on SIGINT, SIGTERM or
 * SIGHUP without running a single `finally`, so a script that made something temporary (the
 * bench's project of several hundred megabytes under the system's temporary folder) left it behind
 * on Ctrl-C, on a CI timeout or when its terminal closed.
 */

/** The signals that mean "stop", as opposed to SIGKILL, which no process can answer. */
export type InterruptSignal = "SIGINT" | "SIGTERM" | "SIGHUP";

export const INTERRUPT_SIGNALS: readonly InterruptSignal[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** The process as {@link onInterrupt} uses it; tests pass their own. */
export interface SignalHost {
  on(signal: InterruptSignal, listener: () => void): unknown;
  off(signal: InterruptSignal, listener: () => void): unknown;
  /** Ends the process the way `signal` would have, so its parent sees the signal, not a normal exit. */
  endBy(signal: InterruptSignal): void;
  /** Says something to the person at the terminal. */
  tell(line: string): void;
}

/** This process: with the listeners gone, the signal sent again ends it by its default action. */
export const PROCESS_HOST: SignalHost = {
  on: (signal, listener) => process.on(signal, listener),
  off: (signal, listener) => process.off(signal, listener),
  endBy: (signal) => {
    process.kill(process.pid, signal);
    // Should the signal not end the process at once, the shell's convention for it does.
    process.exitCode = 128 + constants.signals[signal];
  },
  tell: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs `cleanup` when the process gets one of {@link INTERRUPT_SIGNALS}, then ends it by that
 * signal. A second signal while `cleanup` runs ends the process at once: someone pressing Ctrl-C
 * twice wants out more than they want the folder gone. Returns `release`, which removes the
 * listeners, for the path that cleans up by itself.
 */
export function onInterrupt(
  cleanup: (signal: InterruptSignal) => Promise<void>,
  host: SignalHost = PROCESS_HOST,
): () => void {
  let interrupted = false;
  const listeners = new Map<InterruptSignal, () => void>();
  const release = (): void => {
    for (const [signal, listener] of listeners) host.off(signal, listener);
    listeners.clear();
  };
  for (const signal of INTERRUPT_SIGNALS) {
    const listener = (): void => {
      if (interrupted) {
        release();
        host.endBy(signal);
        return;
      }
      interrupted = true;
      cleanup(signal)
        .catch((error: unknown) =>
          host.tell(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          release();
          host.endBy(signal);
        });
    };
    listeners.set(signal, listener);
    host.on(signal, listener);
  }
  return release;
}
