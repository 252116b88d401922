import type { Simulator } from "../../../simulator";
import { seedBasic, startTestSimulator, stopAll } from "./helpers";
import { failure, ok } from "./rawClient";

let sim: Simulator;
let world: ReturnType<typeof seedBasic>;

beforeEach(async () => {
  sim = await startTestSimulator({ errorCodes: "legacy" });
  world = seedBasic(sim);
});
afterEach(stopAll);

const NOT_FOUND = { status: 404, code: "OPERATION_FAILED_RESOURCE_NOT_FOUND" };

describe("legacy error-code generation (older docs pages, what Terraform keys on)", () => {
  it("reports every missing resource as OPERATION_FAILED_RESOURCE_NOT_FOUND", async () => {
    expect(await failure(sim, "DetachNetworkInterface", { nicId: "404" })).toEqual(NOT_FOUND);
    expect(await failure(sim, "DeleteNetworkInterface", { nicId: "404" })).toEqual(NOT_FOUND);
    expect(
      await failure(sim, "AttachNetworkInterface", { nicId: "404", instanceId: world.instanceId }),
    ).toEqual(NOT_FOUND);
    expect(
      await failure(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: "404" }),
    ).toEqual(NOT_FOUND);
    expect(await failure(sim, "StartInstances", { instanceIds: ["404"] })).toEqual(NOT_FOUND);
  });

  it("answers a detach of an unattached NIC with OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE (403)", async () => {
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 403,
      code: "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE",
    });
  });

  it("uses 403 for instance-status denials", async () => {
    sim.control.outOfBand.stopInstance(world.instanceId);
    expect(
      await failure(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId }),
    ).toEqual({
      status: 403,
      code: "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
    });
  });

  it("documents INVALID_NIC_ATTACHED on delete as 404 (sic)", async () => {
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    expect(await failure(sim, "DeleteNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 404,
      code: "INVALID_NIC_ATTACHED",
    });
    await sim.control.whenIdle();
  });

  it("switches generation at runtime", async () => {
    sim.control.setErrorCodes("current");
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 400,
      code: "INVALID_NIC_STATUS",
    });
    expect(await failure(sim, "DetachNetworkInterface", { nicId: "404" })).toEqual({
      status: 404,
      code: "INVALID_NIC_NOT_FOUND",
    });
    sim.control.setErrorCodes("legacy");
    expect(await failure(sim, "DetachNetworkInterface", { nicId: "404" })).toEqual(NOT_FOUND);
  });
});
