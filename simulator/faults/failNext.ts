import type { FailNextRule } from "../types/options";

interface ActiveRule {
  readonly rule: FailNextRule;
  remaining: number;
}

/**
 * Scripted failures: each rule fails the next `count` matching requests, in the order the rules
 * were added. Unlike the probabilistic faults they need no seed to be reproducible.
 */
export class ScriptedFailures {
  private rules: ActiveRule[] = [];

  add(rule: FailNextRule): void {
    if (!Number.isInteger(rule.count) || rule.count < 1)
      throw new Error("failNext count must be a positive integer");
    if (!Number.isInteger(rule.httpStatus) || rule.httpStatus < 100 || rule.httpStatus > 599) {
      throw new Error("failNext httpStatus must be an HTTP status code");
    }
    this.rules.push({ rule, remaining: rule.count });
  }

  /** Consumes one use of the first rule that matches the action at this point of the pipeline. */
  take(action: string | null, when: "before" | "after"): FailNextRule | undefined {
    const active = this.rules.find(
      ({ rule }) => (rule.when ?? "before") === when && (rule.action === undefined || rule.action === action),
    );
    if (active === undefined) return undefined;
    active.remaining -= 1;
    if (active.remaining === 0) this.rules = this.rules.filter((candidate) => candidate !== active);
    return active.rule;
  }

  clear(): void {
    this.rules = [];
  }
}
