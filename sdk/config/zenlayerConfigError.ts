import { hasBrand, setBrand } from "../util/brand";

const CONFIG_ERROR_BRAND = Symbol.for("pulumi-zenlayer.ZenlayerConfigError");

/**
 * A missing or malformed setting. The message names where the bad value came from and how to fix
 * it, because the person reading it is running `pulumi up`, not reading this code.
 * @public
 */
export class ZenlayerConfigError extends Error {
  override readonly name = "ZenlayerConfigError";

  constructor(message: string) {
    super(message);
    setBrand(this, CONFIG_ERROR_BRAND);
  }
}

/** True for any {@link ZenlayerConfigError}, even from another copy of this package. @public */
export function isZenlayerConfigError(value: unknown): value is ZenlayerConfigError {
  return hasBrand(value, CONFIG_ERROR_BRAND);
}
