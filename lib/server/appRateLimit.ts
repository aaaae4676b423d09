/** The app's rate limiter: windows in the app store, shared by every server on it (see ./rateLimit.ts). */
import "server-only";
import { createRateLimiter } from "./rateLimit";
import { getStore } from "./store";

/**
 * @example
 * const limited = await rateLimit(`drafts:create:${address}`, 30, 10 * 60_000);
 * if (limited) return limited;
 */
export const rateLimit = createRateLimiter({ store: getStore });
