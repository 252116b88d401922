import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";

/**
 * Messages to the Pulumi engine, tied to a resource's URN so that the CLI shows them under that
 * resource (progress of a long detach, a NIC left alone), not under the stack. A message the
 * engine cannot take is written to stderr instead: logging never fails an operation.
 * @internal
 */
export class EngineLog {
  readonly #client: EngineClient | undefined;

  constructor(engineAddress: string | undefined) {
    this.#client =
      engineAddress === undefined
        ? undefined
        : new EngineClient(engineAddress, grpc.credentials.createInsecure());
  }

  /** Sends `message` as information about the resource `urn` (empty: about the deployment). */
  info(urn: string, message: string): void {
    this.#send(LogSeverity.INFO, urn, message);
  }

  /** Sends `message` as a warning about the resource `urn`. */
  warn(urn: string, message: string): void {
    this.#send(LogSeverity.WARNING, urn, message);
  }

  /** Closes the connection to the engine. */
  close(): void {
    this.#client?.close();
  }

  #send(severity: LogSeverity, urn: string, message: string): void {
    const client = this.#client;
    if (client === undefined) {
      process.stderr.write(`${message}\n`);
      return;
    }
    const request = new LogRequest();
    request.setSeverity(severity);
    request.setMessage(message);
    request.setUrn(urn);
    client.log(request, (error) => {
      if (error !== null) process.stderr.write(`${message}\n`);
    });
  }
}
