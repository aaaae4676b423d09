/**
 * server.js decides who the client is before the app sees a request: the socket's peer, unless
 * that peer is a configured proxy, in which case the rightmost X-Forwarded-For hop that is not a
 * trusted proxy. A client's own X-Forwarded-* headers never count.
 */
import { describe, expect, it } from "vitest";
import { forwardedFacts, parseTrustedProxies, plainAddress } from "./server.js";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");

describe("forwardedFacts", () => {
  it("ignores every forwarding header from a peer that is not a trusted proxy", () => {
    const facts = forwardedFacts({
      peer: "::ffff:203.0.113.7",
      encrypted: false,
      headers: {
        host: "127.0.0.1:3000",
        "x-forwarded-for": "6.6.6.6",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
      },
      trusted: none,
    });
    expect(facts).toEqual({ client: "203.0.113.7", proto: "http", host: "127.0.0.1:3000", port: undefined });
  });

  it("behind trusted proxies, takes the rightmost hop they did not add, and the nearest proxy's scheme and host", () => {
    const facts = forwardedFacts({
      peer: "10.0.0.2",
      encrypted: false,
      headers: {
        host: "app:3000",
        // The client wrote 6.6.6.6 itself; the edge proxy appended the address it saw, then an inner proxy its own.
        "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.0.0.1",
        "x-forwarded-host": "evil.example, commons.example.org",
        "x-forwarded-proto": "https",
        "x-forwarded-port": "443",
      },
      trusted: proxies,
    });
    expect(facts).toEqual({ client: "198.51.100.20", proto: "https", host: "commons.example.org", port: "443" });
  });

  it("behind a trusted proxy with no X-Forwarded-For, the proxy is the client", () => {
    const facts = forwardedFacts({ peer: "127.0.0.1", encrypted: false, headers: {}, trusted: proxies });
    expect(facts.client).toBe("127.0.0.1");
  });

  it("does not let a garbage hop stand in for the client", () => {
    const facts = forwardedFacts({
      peer: "10.0.0.2",
      encrypted: false,
      headers: { "x-forwarded-for": "198.51.100.20, not-an-ip" },
      trusted: proxies,
    });
    expect(facts.client).toBe("10.0.0.2");
  });
});

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDRs of both families and names a bad entry", () => {
    expect(proxies.check("10.200.3.4", "ipv4")).toBe(true);
    expect(proxies.check("11.0.0.1", "ipv4")).toBe(false);
    expect(proxies.check("fd12::1", "ipv6")).toBe(true);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10\.0\.0\.0\/33" is not an IP address or CIDR/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/proxy\.internal/);
  });

  it("reads addresses as sockets and headers write them", () => {
    expect(plainAddress("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(plainAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(plainAddress("198.51.100.4:8080")).toBe("198.51.100.4");
    expect(plainAddress("unknown")).toBe("");
  });
});
