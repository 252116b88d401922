/**
 * examples/yaml through the CLI with the provider plugin installed as the README says: a NIC, an
 * attachment and an instance lookup; up with progress under the resource's URN, a refresh and a
 * preview that find nothing to change, and a destroy that detaches before it deletes.
 */
import * as path from "node:path";
import { describeLanguage } from "../support/languageAvailability";
import { eventsIn, startPluginStack } from "./support/pluginStack";
import {
  configureExample,
  destroyAndExpectDetachBeforeDelete,
  expectNothingToChange,
  upAndExpectAttached,
} from "./support/exampleProgramChecks";
import type { PluginStack } from "./support/pluginStack";

const SETUP_TIMEOUT_MS = 300_000;

describeLanguage("yaml", "examples/yaml on the provider plugin", () => {
  let stack: PluginStack;
  let instanceId: string;

  beforeAll(async () => {
    stack = await startPluginStack("examples/yaml");
    // Quoted as JSON, as examples/yaml/README.md says: Pulumi YAML reads numeric config as numbers.
    instanceId = await configureExample(stack, true);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("up makes the NIC and attaches it to the instance the lookup found, reporting progress under the attachment", async () => {
    const eventLog = path.join(stack.dir, "events.json");
    await upAndExpectAttached(stack, instanceId, ["--event-log", eventLog]);
    const diagnostics = (await eventsIn(eventLog)).flatMap((event) => {
      const diagnostic = event["diagnosticEvent"] as { urn?: string; message?: string } | undefined;
      return diagnostic === undefined ? [] : [diagnostic];
    });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        urn: expect.stringMatching(/::zenlayer:zec:NetworkInterfaceAttachment::attachment$/),
        message: expect.stringMatching(/attaching NIC \d+ to instance \d+/),
      }),
    );
  });

  it("refresh and preview then find nothing to change", async () => {
    await expectNothingToChange(stack);
  });

  it("destroy detaches the NIC before it deletes it", async () => {
    await destroyAndExpectDetachBeforeDelete(stack);
  });
});
