import * as pulumi from "@pulumi/pulumi";

/** A resource a program registered, as Pulumi's mocks saw it. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** What the mocked engine answers for one registration: the id, and the state it stores. */
export type MockAnswer = (inputs: Record<string, unknown>) => {
  readonly id: string;
  readonly state: Record<string, unknown>;
};

/**
 * Runs resource classes without an engine, in project `project`, stack `stack`: every
 * registration is recorded in `registered` and answered by `answer`. Call it before creating
 * resources (in `beforeAll`).
 */
export function mockEngine(
  registered: Registered[],
  project: string,
  stack: string,
  answer: MockAnswer,
): void {
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return answer(args.inputs);
      },
      call: (args) => args.inputs,
    },
    project,
    stack,
    false,
  );
}

/** An output's value, once the mocked engine has resolved it. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}
