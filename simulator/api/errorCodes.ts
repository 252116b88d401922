import type { RuleViolation } from "../state/stateMachines";
import type { ErrorCodeGeneration } from "../types/options";

/**
 * A failure the simulator answers with the documented error envelope `{requestId, code, message}`.
 * Thrown by validation and actions; the pipeline turns it into the HTTP answer.
 * @internal
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type CodeAndStatus = readonly [code: string, httpStatus: number];

interface BusinessErrorEntry {
  readonly current: CodeAndStatus;
  readonly legacy: CodeAndStatus;
  readonly message: string;
}

/** One entry whose code and status are the same in both generations. */
function same(code: string, httpStatus: number, message: string): BusinessErrorEntry {
  return { current: [code, httpStatus], legacy: [code, httpStatus], message };
}

/**
 * Business errors and how each documentation generation reports them (reference §4.5–4.9):
 * `current` = the newest `/api/compute/…` pages, `legacy` = the older pages that Terraform still
 * keys on. Where the old pages list nothing, both use the same entry. Every rule the state
 * machines name (`RuleViolation`) must have an entry; the actions check the others themselves.
 */
const BUSINESS_ERRORS = {
  nicNotFound: {
    current: ["INVALID_NIC_NOT_FOUND", 404],
    legacy: ["OPERATION_FAILED_RESOURCE_NOT_FOUND", 404],
    message: "The specified vNIC does not exist.",
  },
  instanceNotFound: {
    current: ["INVALID_INSTANCE_NOT_FOUND", 404],
    legacy: ["OPERATION_FAILED_RESOURCE_NOT_FOUND", 404],
    message: "The specified instance does not exist.",
  },
  subnetNotFound: same("INVALID_SUBNET_NOT_FOUND", 404, "The specified subnet does not exist."),
  securityGroupNotFound: same(
    "INVALID_SECURITY_GROUP_NOT_FOUND",
    404,
    "The specified security group does not exist.",
  ),
  /** Only the old CreateNetworkInterface page lists this code; the newer pages list no errors. */
  resourceGroupNotFound: same(
    "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND",
    404,
    "The specified resource group does not exist.",
  ),
  internetChargeTypeNotSupport: same(
    "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT",
    403,
    "The internet charge type is not supported for this vNIC.",
  ),
  instanceStatusNotSupport: {
    current: ["OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT", 400],
    legacy: ["OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT", 403],
    message: "The instance status does not allow this operation.",
  },
  nicStatus: same("INVALID_NIC_STATUS", 400, "The vNIC status does not allow this operation."),
  /** Detach of a NIC attached to nothing: the old pages had a dedicated code, which TF treats as success. */
  nicNotAttached: {
    current: ["INVALID_NIC_STATUS", 400],
    legacy: ["OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE", 403],
    message: "The vNIC is not attached to any instance.",
  },
  nicAttached: same("INVALID_NIC_ATTACHED", 400, "The vNIC is already attached to an instance."),
  /** The old DeleteNetworkInterface page documents 404 for this code (sic). */
  nicAttachedOnDelete: {
    current: ["INVALID_NIC_ATTACHED", 400],
    legacy: ["INVALID_NIC_ATTACHED", 404],
    message: "The vNIC is attached to an instance; detach it first.",
  },
  nicPrimaryCantDetach: same("INVALID_NIC_PRIMARY_CANT_DETACH", 409, "The primary vNIC cannot be detached."),
  nicPrimaryCantDelete: same("INVALID_NIC_PRIMARY_CANT_DELETE", 409, "The primary vNIC cannot be deleted."),
  nicLbAssociated: same(
    "INVALID_NIC_LB_ASSOCIATED",
    409,
    "The vNIC's IP address is a load balancer backend; the operation is not allowed.",
  ),
  nicRegionMismatch: same(
    "INVALID_NIC_INSTANCE_REGION_MISMATCH",
    409,
    "The vNIC and the instance are not in the same region.",
  ),
  instanceNicLimit: same("INVALID_INSTANCE_NIC_LIMIT", 400, "The instance has reached its vNIC limit."),
} as const satisfies Record<string, BusinessErrorEntry> & Record<RuleViolation, BusinessErrorEntry>;

/** A business rule violation, named independently of the code generation that reports it. @internal */
export type BusinessErrorKey = keyof typeof BUSINESS_ERRORS;

/** The error a business rule violation produces under the given generation; `subject` names the resource. @internal */
export function businessError(
  key: BusinessErrorKey,
  generation: ErrorCodeGeneration,
  subject: string,
): ApiError {
  const entry: BusinessErrorEntry = BUSINESS_ERRORS[key];
  const [code, status] = entry[generation];
  return new ApiError(status, code, `${entry.message} (${subject})`);
}

/**
 * Common codes (reference §3.3, names from Zenlayer's CSI driver). Only 429 is sourced; the other
 * statuses are assumptions: 401 for signature problems, 403 for authorisation, 400 for parameters.
 */
const COMMON_STATUS = {
  AUTHFAILURE_INVALID_AUTHORIZATION: 401,
  AUTHFAILURE_SIGNATURE_FAILURE: 401,
  AUTHFAILURE_SIGNATURE_EXPIRED: 401,
  AUTHFAILURE_UNAUTHORIZED_OPERATION: 403,
  MISSING_PARAMETER: 400,
  INVALID_PARAMETER_TYPE: 400,
  INVALID_PARAMETER_VALUE: 400,
  INVALID_PARAMETER_EXCEED_MAXIMUM: 400,
  INVALID_PARAMETER_LESS_MINIMUM: 400,
  INVALID_PARAMETER_EXCEED_LENGTH: 400,
  INVALID_PARAMETER_LESS_LENGTH: 400,
  INVALID_PARAMETER_PATTERN_ERROR: 400,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_TEMPORARY_UNAVAILABLE: 503,
  REQUEST_TIMED_OUT: 504,
} as const;

/** @see COMMON_STATUS @internal */
export type CommonErrorCode = keyof typeof COMMON_STATUS;

/** An error with one of the generation-independent common codes. @internal */
export function commonError(code: CommonErrorCode, message: string): ApiError {
  return new ApiError(COMMON_STATUS[code], code, message);
}

/** The code a scripted failure reports when the script names only a status. @internal */
export function defaultCodeForStatus(httpStatus: number): string {
  if (httpStatus === 429) return "REQUEST_LIMIT_EXCEEDED";
  if (httpStatus === 503) return "SERVICE_TEMPORARY_UNAVAILABLE";
  if (httpStatus === 504) return "REQUEST_TIMED_OUT";
  return "INTERNAL_SERVER_ERROR";
}
