/** How a failure is told: one line for any error from the store or a vendor. */
import { isMediaApiError } from '../model/errors';

/** The vendor's words plus code and RequestId: `Signature wrong (DescribeTasks: 100000005 (RequestId r1))`. */
export function errorMessage(error: unknown): string {
  if (isMediaApiError(error)) return `${error.message} (${error.summary()})`;
  return error instanceof Error ? error.message : String(error);
}
