import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, nonceOf, rpcHttpOrigins } from "./contentSecurityPolicy";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)] as const));

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce and strict-dynamic only, never inline", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toContain("https:");
    expect(contentSecurityPolicy({ nonce: "x", dev: true })).toContain("'unsafe-eval'");
  });

  it("adds the config's plain-http RPC origins to connect-src, and nothing that is not an origin", () => {
    const origins = rpcHttpOrigins(
      JSON.stringify({ daos: [{ rpcUrl: "http://10.0.0.5:8545/key" }, { rpcUrls: ["https://rpc.example", "nope"] }] }),
    );
    expect(origins).toEqual(["http://10.0.0.5:8545"]);
    const policy = directives(
      contentSecurityPolicy({ nonce: "x", rpcOrigins: [...origins, "http://a; script-src *"] }),
    );
    expect(policy.get("connect-src")).toContain("http://10.0.0.5:8545");
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-x'", "'strict-dynamic'"]);
    expect(rpcHttpOrigins("{not json")).toEqual([]);
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(atob([...nonces][0] ?? "")).toHaveLength(16);
  });
});

describe("nonceOf", () => {
  it("reads back the nonce of a policy the proxy built", () => {
    const nonce = newNonce();
    expect(nonceOf(contentSecurityPolicy({ nonce, dev: false, walletConnect: false, rpcOrigins: [] }))).toBe(nonce);
  });

  it("is undefined without a policy or a nonce in it", () => {
    expect(nonceOf(null)).toBeUndefined();
    expect(nonceOf("default-src 'self'; script-src 'self'")).toBeUndefined();
  });
});
