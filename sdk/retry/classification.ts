import { ClientErrorCode } from "../errors/clientErrorCodes";
import type { ErrorCategory } from "../errors/errorCategory";

/**
 * The single table that says what each known code means. Codes win over HTTP statuses because the
 * API's codes are more precise than its statuses (which differ between documentation versions).
 * Sources: Zenlayer's Go SDK and Terraform provider retry lists, the CSI driver's code constants.
 * @public
 */
export const CODE_CATEGORIES: Readonly<Record<string, ErrorCategory>> = {
  REQUEST_LIMIT_EXCEEDED: "throttling",
  SERVICE_TEMPORARY_UNAVAILABLE: "transient",
  INTERNAL_SERVER_ERROR: "transient",
  REQUEST_TIMED_OUT: "transient",
  INVALID_OPERATION_TIMEOUT: "transient",
  [ClientErrorCode.NETWORK_ERROR]: "transient",
  [ClientErrorCode.REQUEST_TIMEOUT]: "transient",
  [ClientErrorCode.INVALID_RESPONSE_BODY]: "transient",
  [ClientErrorCode.EMPTY_RESPONSE_BODY]: "transient",
  OPERATION_FAILED_RESOURCE_NOT_FOUND: "not-found",
  [ClientErrorCode.SECURITY_CHALLENGE]: "permanent",
  [ClientErrorCode.REQUEST_BLOCKED]: "permanent",
  [ClientErrorCode.REQUEST_ABORTED]: "permanent",
};

/**
 * Resource-specific not-found codes such as `INVALID_NIC_NOT_FOUND` or
 * `INVALID_INSTANCE_NOT_FOUND`; newer API versions use these instead of the generic code.
 * @public
 */
export const NOT_FOUND_CODE_PATTERN = /^INVALID_[A-Z0-9_]+_NOT_FOUND$/;

/**
 * Puts a failure in its {@link ErrorCategory}: the code table first, then the not-found pattern,
 * then the HTTP status (429 throttling, 5xx transient), and everything else is permanent.
 * @public
 */
export function classifyError(code: string, httpStatus: number | undefined): ErrorCategory {
  const known = CODE_CATEGORIES[code];
  if (known !== undefined) return known;
  if (NOT_FOUND_CODE_PATTERN.test(code)) return "not-found";
  if (httpStatus === 429) return "throttling";
  if (httpStatus !== undefined && httpStatus >= 500 && httpStatus <= 599) return "transient";
  return "permanent";
}
