/**
 * What the Pulumi engine keeps for one resource between commands: its id, the properties it
 * stores (and writes to the state file), and whether its last create or update ended with
 * "created but not ready" (init errors), which makes the next `up` call `update` on it.
 */
export interface StoredResource {
  readonly id: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly initErrors: boolean;
}

/**
 * The engine's view of the stack, updated by handler results the way the engine updates it:
 * - create: success stores `outs`; an error with an `id` stores the error's `properties` with
 *   init errors; an error without an `id` stores nothing;
 * - update: success stores `outs`; an error with an `id` stores its `properties` with init
 *   errors; any other error keeps the old record as it was;
 * - read: an empty id drops the record; otherwise it stores the returned properties and clears
 *   init errors (the read reported none); an error changes nothing;
 * - delete: success drops the record; an error keeps it.
 * The program side: which resources the program still declares (`destroy` and removals drop them).
 */
export class EngineState {
  private readonly stored = new Map<string, StoredResource>();
  private readonly declared: Set<string>;

  constructor(names: readonly string[]) {
    this.declared = new Set(names);
  }

  get(name: string): StoredResource | undefined {
    return this.stored.get(name);
  }

  has(name: string): boolean {
    return this.stored.has(name);
  }

  get size(): number {
    return this.stored.size;
  }

  store(name: string, record: StoredResource): void {
    this.stored.set(name, record);
  }

  drop(name: string): void {
    this.stored.delete(name);
  }

  isDeclared(name: string): boolean {
    return this.declared.has(name);
  }

  undeclare(name: string): void {
    this.declared.delete(name);
  }
}
