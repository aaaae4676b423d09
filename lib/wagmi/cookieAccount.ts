/**
 * Reads the connected account out of wagmi's cookie without loading wagmi, so the server (and the
 * first paint) can show "connected as 0x…" before any wallet JavaScript has arrived. The cookie
 * is whatever the browser sent: every field is checked and anything odd reads as "not connected".
 */
import { wagmiStorageKey } from "./storageKey";

export type CookieAccount = { address: `0x${string}`; chainId: number };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The raw value of `${wagmiStorageKey}.store` in a Cookie header (or document.cookie). */
function storeValue(cookie: string): string | undefined {
  const prefix = `${wagmiStorageKey}.store=`;
  const pair = cookie.split(/;\s*/).find((part) => part.startsWith(prefix));
  return pair?.slice(prefix.length);
}

/**
 * The account of wagmi's current connection, or null when the cookie says no wallet is connected
 * (or is missing or malformed).
 *
 * @example
 * cookieAccount('wagmi.store={"state":{"connections":{"__type":"Map","value":[["a",{"accounts":["0xf39F…"],"chainId":31337}]]},"current":"a"}}')
 * // { address: "0xf39F…", chainId: 31337 }
 */
export function cookieAccount(cookie: string | null | undefined): CookieAccount | null {
  if (!cookie) return null;
  const raw = storeValue(cookie);
  if (!raw || raw.length > 20_000) return null;
  let parsed: Json;
  try {
    parsed = JSON.parse(raw.startsWith("%7B") ? decodeURIComponent(raw) : raw) as Json;
  } catch {
    return null;
  }
  const state = isRecord(parsed) ? parsed.state : undefined;
  if (!isRecord(state) || typeof state.current !== "string") return null;
  // wagmi serialises its Map of connections as { __type: "Map", value: [[uid, connection], …] }.
  const connections = isRecord(state.connections) ? state.connections.value : undefined;
  if (!Array.isArray(connections)) return null;
  const entry = connections.find((item) => Array.isArray(item) && item[0] === state.current);
  const connection = Array.isArray(entry) ? entry[1] : undefined;
  if (!isRecord(connection) || !Array.isArray(connection.accounts)) return null;
  const [address] = connection.accounts;
  const { chainId } = connection;
  if (typeof address !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(address)) return null;
  if (typeof chainId !== "number" || !Number.isSafeInteger(chainId) || chainId <= 0) return null;
  return { address: address as `0x${string}`, chainId };
}
