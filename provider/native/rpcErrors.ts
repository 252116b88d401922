/**
 * How an RPC's failure reaches the engine: a gRPC status whose message the CLI shows the user, and
 * for a create or update that changed the cloud before failing, the `ErrorResourceInitFailed`
 * detail that keeps the resource in the stack ("created, but not ready").
 * @packageDocumentation
 */
import * as grpc from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { PartialFailure } from "../core/failures";
import { toStruct } from "./propertyValues";

/** A failure with a gRPC status of its own (an RPC this provider does not serve, a bad request). @internal */
export class RpcError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
    this.name = "RpcError";
  }
}

/** What a partial failure's outputs look like on the wire; the front end strips its own bookkeeping. */
export type WireOutputs = (outputs: object) => object;

/**
 * The status for `error`: a {@link PartialFailure} carries the resource's id, outputs and the
 * reason as `ErrorResourceInitFailed` in the `grpc-status-details-bin` trailer (Pulumi's Go
 * engine reads it there); anything else is its message with status UNKNOWN.
 * @internal
 */
export function statusOf(error: unknown, wireOutputs: WireOutputs): Partial<grpc.StatusObject> {
  if (error instanceof RpcError) return { code: error.code, details: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof PartialFailure)) return { code: grpc.status.UNKNOWN, details: message };
  const detail = new ErrorResourceInitFailed();
  detail.setId(error.id);
  detail.setProperties(toStruct(wireOutputs(error.outputs)));
  detail.setReasonsList([message]);
  const any = new Any();
  any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new Status();
  status.setCode(grpc.status.UNKNOWN);
  status.setMessage(message);
  status.addDetails(any);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}

/**
 * A unary gRPC handler from an async function: its result is the answer, its failure the status
 * {@link statusOf} makes. Nothing a handler throws escapes as an unhandled rejection.
 * @internal
 */
export function unary<Request, Response>(
  handle: (request: Request) => Promise<Response>,
  wireOutputs: WireOutputs = (outputs) => outputs,
): grpc.handleUnaryCall<Request, Response> {
  return (call, callback) => {
    handle(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(statusOf(error, wireOutputs)),
    );
  };
}

/** A handler for an RPC this provider does not serve; the engine falls back where it can. @internal */
export function unimplemented<Request, Response>(rpc: string): grpc.handleUnaryCall<Request, Response> {
  return (_call, callback) =>
    callback({
      code: grpc.status.UNIMPLEMENTED,
      details: `${rpc} is not implemented by the zenlayer provider`,
    });
}
