import { DEFAULT_ACCESS_KEY } from "./simulator";
import { SUPPORTED_VERSIONS } from "./types/wire";
import type { Simulator, SimulatorOptions } from "./types/options";

function credentialLines(options: SimulatorOptions): string[] {
  const key = options.accessKeys?.[0];
  if (key === undefined) {
    return [
      `  export ZENLAYERCLOUD_ACCESS_KEY_ID=${DEFAULT_ACCESS_KEY.accessKeyId}`,
      `  export ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=${DEFAULT_ACCESS_KEY.accessKeyPassword}   # the simulator's fake default pair`,
    ];
  }
  // A password chosen on the command line is the user's secret: never echo it.
  return [
    `  export ZENLAYERCLOUD_ACCESS_KEY_ID=${key.accessKeyId}`,
    "  export ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=<the value given to --access-key-password>",
  ];
}

/**
 * What the CLI prints once listening: the URL, the environment a Zenlayer client (the Pulumi
 * provider, Terraform, the official SDKs) needs to talk to it, and the seeded resources.
 */
export function banner(simulator: Simulator, options: SimulatorOptions): string {
  const { instances, nics } = simulator.control.snapshot();
  const lines = [
    `Zenlayer Cloud API simulator listening on ${simulator.url} (POST /api/v2/zec, versions ${SUPPORTED_VERSIONS.join(", ")})`,
    "Point a Zenlayer client at it:",
    `  export ZENLAYERCLOUD_DOMAIN=${simulator.domain}`,
    "  export ZENLAYERCLOUD_SCHEME=HTTP",
    ...credentialLines(options),
  ];
  const tokens = options.bearerTokens?.length ?? 0;
  if (tokens > 0) lines.push(`Bearer tokens accepted: ${tokens}`);
  lines.push(`Admin surface (local only): ${simulator.url}/_simulator/state`);
  lines.push(`Seeded: ${instances.length} instance(s), ${nics.length} NIC(s)`);
  for (const instance of instances) {
    lines.push(
      `  instance ${instance.instanceId} ${instance.instanceName} ${instance.status} ${instance.zoneId}`,
    );
  }
  for (const nic of nics) {
    lines.push(
      `  nic      ${nic.nicId} ${nic.name} ${nic.status} ${nic.nicType} ${nic.regionId} -> ${nic.instanceId ?? "-"}`,
    );
  }
  lines.push("Press Ctrl+C to stop.");
  return `${lines.join("\n")}\n`;
}
