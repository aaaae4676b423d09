/**
 * The wallet account the request's wagmi cookie names, for server components that render
 * "connected" states before the wallet JavaScript arrives (see ./cookieAccount.ts).
 */
import "server-only";
import { headers } from "next/headers";
import { type CookieAccount, cookieAccount } from "./cookieAccount";
import { wagmiCookie } from "./wagmiCookie";

/**
 * @example const account = await requestAccount(); // { address: "0xf39F…", chainId: 31337 } | null
 */
export async function requestAccount(): Promise<CookieAccount | null> {
  return cookieAccount(wagmiCookie((await headers()).get("cookie")));
}
