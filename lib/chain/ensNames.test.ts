import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { looksLikeEnsName, lookupEnsNames, resolveEnsAddress } from "./ensNames";

const lina = "0xB5994FFe96F11Fb509f12A4059dC56E82175B2B0" as Address;
const other = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;

function fakeEns(onRequest?: () => void) {
  return {
    getEnsAddress: async ({ name }: { name: string }) => {
      onRequest?.();
      if (name === "broken.eth") throw new Error("resolver reverted");
      return name === "lina.eth" ? lina : null;
    },
    getEnsName: async ({ address }: { address: Address }) => {
      onRequest?.();
      if (address === other) throw new Error("no primary name");
      return "lina.eth";
    },
  } as unknown as Parameters<typeof resolveEnsAddress>[0];
}

describe("looksLikeEnsName", () => {
  it("tells names from address prefixes", () => {
    expect(looksLikeEnsName("lina.eth")).toBe(true);
    expect(looksLikeEnsName("sub.dao.eth")).toBe(true);
    expect(looksLikeEnsName("0x7099")).toBe(false);
    expect(looksLikeEnsName("lina")).toBe(false);
    expect(looksLikeEnsName(".eth")).toBe(false);
    expect(looksLikeEnsName("a b.eth")).toBe(false);
  });
});

describe("resolveEnsAddress", () => {
  it("resolves on mainnet only, without a request elsewhere", async () => {
    let requests = 0;
    const client = fakeEns(() => requests++);
    expect(await resolveEnsAddress(client, 31337, "lina.eth")).toBe("unsupported");
    expect(requests).toBe(0);
    expect(await resolveEnsAddress(client, 1, "Lina.ETH")).toBe(lina);
    expect(await resolveEnsAddress(client, 1, "nobody.eth")).toBeNull();
  });

  it("turns invalid names and resolver failures into no result", async () => {
    expect(await resolveEnsAddress(fakeEns(), 1, "bad\u0000name.eth")).toBeNull();
    expect(await resolveEnsAddress(fakeEns(), 1, "broken.eth")).toBeNull();
  });
});

describe("lookupEnsNames", () => {
  it("names the addresses that have a primary name, on mainnet only", async () => {
    const names = await lookupEnsNames(fakeEns(), 1, [lina, other]);
    expect([...names]).toEqual([[lina.toLowerCase(), "lina.eth"]]);
    expect((await lookupEnsNames(fakeEns(), 10, [lina])).size).toBe(0);
  });

  it("gives up after the timeout", async () => {
    const slow = {
      getEnsName: () => new Promise(() => undefined),
      getEnsAddress: () => new Promise(() => undefined),
    } as unknown as Parameters<typeof lookupEnsNames>[0];
    expect((await lookupEnsNames(slow, 1, [lina], 20)).size).toBe(0);
  });
});
