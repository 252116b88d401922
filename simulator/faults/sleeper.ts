/**
 * Delays (injected latency) that `stop()` can cancel, so a stopped simulator leaves no timer
 * behind. A cancelled sleep never resolves; its socket is closed by the server shutdown.
 * @internal
 */
export class Sleeper {
  private readonly timers = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
