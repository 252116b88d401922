/**
 * How handler errors read: every one names what failed and what to do next, quotes the Zenlayer
 * code and request id, and keeps the Zenlayer error as its `cause`; and the partial failure that
 * keeps a half-made resource in the stack. Never a request header or a credential.
 * @packageDocumentation
 */
import { isZenlayerApiError } from "../../sdk/index";
import type { ZenlayerApiError } from "../../sdk/index";
import { TAG_LIMITS } from "./tags";

/** What a user can do about each permanent answer; the API's own message is not meant for people. */
const ADVICE: Readonly<Record<string, string>> = {
  INVALID_NIC_PRIMARY_CANT_DETACH:
    "it is the instance's primary NIC, which can only be released together with the instance; remove this " +
    "resource from the program with `retainOnDelete: true` or `pulumi state delete <urn>`",
  INVALID_NIC_LB_ASSOCIATED:
    "an IP of this NIC is a load balancer backend; remove it from the load balancer, then run the command again",
  INVALID_NIC_INSTANCE_REGION_MISMATCH:
    "the NIC and the instance must be in the same region; pick a NIC there",
  INVALID_INSTANCE_NIC_LIMIT: "the instance has as many NICs as it can take; detach another NIC first",
  INVALID_NIC_PRIMARY_CANT_DELETE:
    "it is an instance's primary NIC, which Zenlayer deletes only together with the instance; remove it " +
    "from the stack with `pulumi state delete <urn>`",
  INVALID_SUBNET_NOT_FOUND: "check `subnetId`: this account has no such subnet in the endpoint's regions",
  INVALID_SECURITY_GROUP_NOT_FOUND: "check `securityGroupId`: this account has no such security group",
  OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND:
    "check `resourceGroupId`: this account has no such resource group",
  OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE:
    "the NIC is bound by a commitment term and cannot be deleted before it ends; keep it, or remove it from " +
    "the stack with `retainOnDelete: true`",
  INVALID_PARAMETER_EXCEED_LENGTH:
    "a value is longer, or a list holds more items, than Zenlayer allows: `name` is 2 to 63 characters; " +
    `\`tags\` holds at most ${String(TAG_LIMITS.maxPerResource - 1)} tags (Zenlayer's ` +
    `${String(TAG_LIMITS.maxPerResource)} less the one this package adds), keys and values of 1 to ` +
    `${String(TAG_LIMITS.maxLength)} characters; shorten the value in the program and run the command again`,
  INVALID_PARAMETER_LESS_LENGTH:
    "a value is shorter than Zenlayer allows: `name` is 2 to 63 characters, `tags` keys and values at " +
    "least 1; correct the value in the program and run the command again",
  OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT:
    "the instance must be RUNNING; start it and run the command again, or use `deletedWith`/`retainOnDelete`",
};

/**
 * An error that tells a user what failed, which Zenlayer code and request id to quote to support,
 * and what to do next. An error Zenlayer did not answer (the endpoint is unreachable or not the
 * API, or this client refused the request) says that instead, with the settings behind it.
 * @internal
 */
export function apiFailure(what: string, error: ZenlayerApiError): Error {
  // No HTTP answer (refused by this client, or nothing replied): the error's own message says why.
  if (error.blamesEndpoint || error.httpStatus === undefined)
    return new Error(`${what}: ${error.message}`, { cause: error });
  const advice =
    ADVICE[error.code] ?? "see the Zenlayer error code above; fix the cause and run the command again";
  const message = `${what}: Zenlayer answered ${error.code} (request id ${error.requestId ?? "none"}): ${advice}`;
  return new Error(message, { cause: error });
}

/**
 * The error a handler throws: what failed (`cannot <what>: …`), followed by `advice` on what
 * happens to the resource now; the Zenlayer error, if any, stays its `cause`.
 * @internal
 */
export function handlerError(error: unknown, what: string, advice: string): Error {
  const failure = isZenlayerApiError(error) ? apiFailure(`cannot ${what}`, error) : error;
  if (!(failure instanceof Error)) return new Error(`cannot ${what}: ${String(failure)}. ${advice}`);
  const message = `${failure.message.replace(/[.\s]*$/, "")}. ${advice}`;
  return new Error(message, failure.cause === undefined ? {} : { cause: failure.cause });
}

/**
 * A create or update that failed after it changed the cloud: the resource exists (`id`) in the
 * state `outputs` describe, and must stay in the stack so the next `up` continues it and
 * `destroy` removes it. Each front end reports it its own way (the engine's "created, but not
 * ready"); the message says what happened and what to do.
 * @internal
 */
export class PartialFailure extends Error {
  constructor(
    readonly id: string,
    readonly outputs: object,
    failure: Error,
  ) {
    super(failure.message, { cause: failure.cause ?? failure });
    this.name = "PartialFailure";
  }
}
