// @ts-check
/**
 * `npm start`: the production server — Next's request handler behind a small Node HTTP server that
 * decides what the X-Forwarded-* headers say before the app reads them.
 *
 * `next start` fills X-Forwarded-For only when the client sent none, so a route cannot tell a
 * header the client invented from one a proxy wrote. Here they are rewritten from the socket:
 *
 * - A peer not listed in COMMONS_TRUSTED_PROXIES (IPs or CIDRs, comma-separated; default none) is
 *   the client. Whatever X-Forwarded-*, X-Real-IP or Forwarded it sent is dropped.
 * - A listed peer is a proxy: the client is the rightmost X-Forwarded-For hop that is not itself a
 *   trusted proxy, and the scheme and host are the last X-Forwarded-Proto / X-Forwarded-Host values
 *   (the ones the nearest proxy wrote).
 *
 * The app then reads one X-Forwarded-For address (rate limits), X-Forwarded-Host (SIWE's domain
 * when COMMONS_PUBLIC_ORIGIN is unset) and X-Forwarded-Proto (the cookie's Secure flag, HSTS).
 *
 * Usage: node server.js [--port 3000] [--hostname 0.0.0.0] (or PORT / HOSTNAME).
 */
import { realpathSync } from "node:fs";
import { createServer } from "node:http";
import { BlockList, isIP } from "node:net";
import { fileURLToPath } from "node:url";

/** Headers a client could use to claim another address, scheme or host. */
const forwardingHeaders = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/**
 * An address as the socket or a header gives it, plain: "::ffff:203.0.113.7" → "203.0.113.7",
 * "[2001:db8::1]" → "2001:db8::1"; "" when it is not an IP address.
 *
 * @param {string | undefined} value
 * @returns {string}
 */
export function plainAddress(value) {
  let address = (value ?? "").trim();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") > 0 ? address.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : "";
}

/**
 * The trusted proxies from COMMONS_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1, fd00::/8".
 * Throws naming the entry that is not an address or CIDR.
 *
 * @param {string | undefined} value
 * @returns {BlockList}
 */
export function parseTrustedProxies(value) {
  const list = new BlockList();
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [ip = "", bits] = entry.split("/");
    const address = plainAddress(ip);
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (!family || (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > max))) {
      throw new Error(`COMMONS_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, 127.0.0.1)`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/**
 * @param {BlockList} trusted
 * @param {string} address
 */
function isTrusted(trusted, address) {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** @param {string | string[] | undefined} value */
function headerValues(value) {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * What the app should believe about a request: the client's address, the scheme and host the
 * browser used. Pure, so it is tested without a server.
 *
 * @param {{ peer: string | undefined; encrypted: boolean; headers: import("node:http").IncomingHttpHeaders; trusted: BlockList }} request
 * @returns {{ client: string; proto: "http" | "https"; host: string | undefined; port: string | undefined }}
 */
export function forwardedFacts({ peer, encrypted, headers, trusted }) {
  const socketAddress = plainAddress(peer) || "unknown";
  const own = { client: socketAddress, proto: /** @type {"http" | "https"} */ (encrypted ? "https" : "http") };
  const host = typeof headers.host === "string" ? headers.host : undefined;
  if (!isTrusted(trusted, socketAddress)) return { ...own, host, port: undefined };
  // From the nearest hop outwards, skip our own proxies; the first other address is the client.
  const hops = [...headerValues(headers["x-forwarded-for"]).map(plainAddress), socketAddress];
  let client = hops[0] || socketAddress;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] ?? "";
    if (hop === "") break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  const proto = headerValues(headers["x-forwarded-proto"]).at(-1)?.toLowerCase();
  const forwardedHost = headerValues(headers["x-forwarded-host"]).at(-1);
  const port = headerValues(headers["x-forwarded-port"]).at(-1);
  return {
    client,
    proto: proto === "https" || proto === "http" ? proto : own.proto,
    host: forwardedHost && /^[a-z0-9.:[\]-]{1,255}$/i.test(forwardedHost) ? forwardedHost : host,
    port: port && /^\d{1,5}$/.test(port) ? port : undefined,
  };
}

/**
 * Rewrites a request's forwarding headers in place to exactly what `forwardedFacts` decided.
 *
 * @param {import("node:http").IncomingMessage} request
 * @param {BlockList} trusted
 */
export function rewriteForwardingHeaders(request, trusted) {
  const facts = forwardedFacts({
    peer: request.socket.remoteAddress,
    encrypted: "encrypted" in request.socket && Boolean(request.socket.encrypted),
    headers: request.headers,
    trusted,
  });
  for (const name of forwardingHeaders) delete request.headers[name];
  request.headers["x-forwarded-for"] = facts.client;
  request.headers["x-forwarded-proto"] = facts.proto;
  if (facts.host) request.headers["x-forwarded-host"] = facts.host;
  if (facts.port) request.headers["x-forwarded-port"] = facts.port;
}

/** @param {string} name */
function argument(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const port = Number(argument("--port") ?? argument("-p") ?? process.env.PORT ?? 3000);
  const hostname = argument("--hostname") ?? argument("-H") ?? process.env.HOSTNAME ?? "0.0.0.0";
  const trusted = parseTrustedProxies(process.env.COMMONS_TRUSTED_PROXIES);
  process.env.NODE_ENV = "production";
  if (!process.env.COMMONS_PUBLIC_ORIGIN) {
    console.warn(
      "[commons] COMMONS_PUBLIC_ORIGIN is not set: sign-in is refused until it names the address this app is served at (e.g. https://commons.example.org).",
    );
  }
  // Through a variable: Next's global type augmentations stay out of the scripts' type check.
  const nextPackage = "next";
  /** @type {(options: { dev: boolean; hostname: string; port: number; dir: string }) => { prepare(): Promise<void>; getRequestHandler(): (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void> }} */
  const next = (await import(nextPackage)).default;
  const app = next({ dev: false, hostname, port, dir: fileURLToPath(new URL(".", import.meta.url)) });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    rewriteForwardingHeaders(request, trusted);
    handle(request, response).catch((error) => {
      console.error("[commons] request failed:", error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  server.listen(port, hostname, () => {
    console.log(`[commons] ready on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open: end them.
    server.closeAllConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** Whether this file is the program node was asked to run (not imported, e.g. by a test). */
function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
  } catch {
    return false;
  }
}

if (isMain()) {
  main().catch((error) => {
    console.error(`[commons] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
