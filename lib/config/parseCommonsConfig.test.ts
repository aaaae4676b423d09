import { describe, expect, it } from "vitest";
import { ConfigError } from "./ConfigError";
import { parseCommonsConfig } from "./parseCommonsConfig";
import { serializeCommonsConfig } from "./serializeCommonsConfig";

const governor = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const valid = {
  daos: [
    {
      slug: "demo",
      name: "Demo DAO",
      chainId: 31337,
      rpcUrl: "http://127.0.0.1:8545",
      governor,
      startBlock: 0,
    },
  ],
};

function errorOf(input: unknown): ConfigError {
  try {
    parseCommonsConfig(typeof input === "string" ? input : JSON.stringify(input), "test.json");
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

function withDao(patch: Record<string, unknown>) {
  return { daos: [{ ...valid.daos[0], ...patch }] };
}

describe("parseCommonsConfig", () => {
  it("accepts a minimal config and checksums addresses", () => {
    const config = parseCommonsConfig(JSON.stringify(withDao({ governor: governor.toLowerCase() })));
    expect(config.daos[0]?.governor).toBe(governor);
  });

  it("names the file when the JSON is malformed", () => {
    const error = errorOf("{ daos: [");
    expect(error.message).toMatch(/^test\.json is not valid JSON/);
  });

  it("names a missing required field", () => {
    const { rpcUrl: _omitted, ...dao } = valid.daos[0] as Record<string, unknown>;
    const error = errorOf({ daos: [dao] });
    expect(error.field).toBe("daos[0].rpcUrl");
    expect(error.message).toContain("daos[0].rpcUrl is required (or rpcUrls, a list of URLs)");
  });

  it("refuses an address that is not 20 bytes of hex", () => {
    const error = errorOf(withDao({ governor: "0x1234" }));
    expect(error.field).toBe("daos[0].governor");
    expect(error.message).toContain("20-byte hex address");
  });

  it("accepts any EVM chain id, but not a negative or fractional one", () => {
    expect(parseCommonsConfig(JSON.stringify(withDao({ chainId: 999_999_999 }))).daos[0]?.chainId).toBe(999_999_999);
    expect(errorOf(withDao({ chainId: -1 })).field).toBe("daos[0].chainId");
    expect(errorOf(withDao({ chainId: 1.5 })).field).toBe("daos[0].chainId");
  });

  it("merges rpcUrl and rpcUrls into one ordered list without repeats", () => {
    const [dao] = parseCommonsConfig(
      JSON.stringify(withDao({ rpcUrl: "https://a.example", rpcUrls: ["https://b.example", "https://a.example"] })),
    ).daos;
    expect(dao?.rpcUrls).toEqual(["https://a.example", "https://b.example"]);
    expect(dao?.rpcUrl).toBe("https://a.example");
    const { rpcUrl: _omitted, ...rest } = valid.daos[0] as Record<string, unknown>;
    const [only] = parseCommonsConfig(JSON.stringify({ daos: [{ ...rest, rpcUrls: ["https://c.example"] }] })).daos;
    expect(only?.rpcUrl).toBe("https://c.example");
  });

  it("refuses an empty rpcUrls and a non-http entry in it", () => {
    const { rpcUrl: _omitted, ...rest } = valid.daos[0] as Record<string, unknown>;
    expect(errorOf({ daos: [{ ...rest, rpcUrls: [] }] }).field).toBe("daos[0].rpcUrls");
    expect(errorOf(withDao({ rpcUrls: ["ws://x.example"] })).field).toBe("daos[0].rpcUrls[0]");
  });

  it("takes tokenStartBlock and multicall3, and refuses a token started after its governor", () => {
    const [dao] = parseCommonsConfig(
      JSON.stringify(withDao({ startBlock: 100, tokenStartBlock: 7, multicall3: governor.toLowerCase() })),
    ).daos;
    expect(dao?.tokenStartBlock).toBe(7);
    expect(dao?.multicall3).toBe(governor);
    const error = errorOf(withDao({ startBlock: 100, tokenStartBlock: 101 }));
    expect(error.field).toBe("daos[0].tokenStartBlock");
    expect(error.message).toContain("must not be after startBlock");
  });

  it("refuses non-http RPC and explorer URLs", () => {
    expect(errorOf(withDao({ rpcUrl: "javascript:alert(1)" })).field).toBe("daos[0].rpcUrl");
    expect(errorOf(withDao({ explorerUrl: "ftp://example.org" })).field).toBe("daos[0].explorerUrl");
  });

  it("refuses forum hosts given as URLs", () => {
    expect(errorOf(withDao({ forumHosts: ["https://forum.example.org/t/1"] })).field).toBe("daos[0].forumHosts[0]");
  });

  it("refuses unknown fields so typos do not pass silently", () => {
    const error = errorOf(withDao({ govenor: governor }));
    expect(error.message).toContain("unknown field govenor");
  });

  it("refuses duplicate slugs and an empty list", () => {
    expect(errorOf({ daos: [valid.daos[0], valid.daos[0]] }).field).toBe("daos[1].slug");
    expect(errorOf({ daos: [] }).field).toBe("daos");
  });

  it("refuses label keys that are not addresses", () => {
    expect(errorOf(withDao({ labels: { treasury: "Treasury" } })).field).toBe("daos[0].labels.treasury");
  });

  it("takes the server-wide ensRpcUrl and sourcifyUrl, both optional and http(s) only", () => {
    expect(parseCommonsConfig(JSON.stringify(valid))).not.toHaveProperty("ensRpcUrl");
    const config = parseCommonsConfig(
      JSON.stringify({ ...valid, ensRpcUrl: "https://eth.example/rpc", sourcifyUrl: "https://sourcify.dev/server" }),
    );
    expect(config.ensRpcUrl).toBe("https://eth.example/rpc");
    expect(config.sourcifyUrl).toBe("https://sourcify.dev/server");
    expect(errorOf({ ...valid, ensRpcUrl: "wss://eth.example" }).field).toBe("ensRpcUrl");
    expect(errorOf({ ...valid, sourcifyUrl: "file:///etc/passwd" }).field).toBe("sourcifyUrl");
    // Per-DAO is a typo: the settings belong to the server, beside `daos`.
    expect(errorOf(withDao({ ensRpcUrl: "https://eth.example/rpc" })).message).toContain("unknown field ensRpcUrl");
  });

  it("writes the settings back when a script rewrites the config", () => {
    const config = parseCommonsConfig(JSON.stringify({ ...valid, ensRpcUrl: "https://eth.example/rpc" }));
    expect(parseCommonsConfig(serializeCommonsConfig(config))).toEqual(config);
  });
});
