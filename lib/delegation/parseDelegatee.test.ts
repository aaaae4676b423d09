import { describe, expect, it } from "vitest";
import { parseDelegatee } from "./parseDelegatee";

const field = "Delegate address";
const local = { field, ensAvailable: false, chainName: "Foundry" };
const mainnet = { field, ensAvailable: true, chainName: "Ethereum" };
const checksummed = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("parseDelegatee", () => {
  it("says nothing about an empty field", () => {
    expect(parseDelegatee("", local)).toEqual({ kind: "empty" });
    expect(parseDelegatee("   ", local)).toEqual({ kind: "empty" });
  });

  it("accepts an address in lowercase, uppercase or with a good checksum, and returns it checksummed", () => {
    for (const text of [checksummed, checksummed.toLowerCase(), `0x${checksummed.slice(2).toUpperCase()}`]) {
      expect(parseDelegatee(` ${text} `, local)).toEqual({ kind: "address", address: checksummed });
    }
  });

  it("refuses a mixed-case address whose checksum is wrong, naming the field", () => {
    const badChecksum = checksummed.replace("C51812", "c51812");
    const result = parseDelegatee(badChecksum, local);
    expect(result.kind).toBe("invalid");
    expect(result.kind === "invalid" && result.message).toMatch(/^Delegate address has a bad checksum/);
  });

  it("refuses the zero address", () => {
    const result = parseDelegatee(`0x${"0".repeat(40)}`, local);
    expect(result).toEqual({
      kind: "invalid",
      message: "Delegate address is the zero address: votes delegated there are counted for nobody.",
    });
  });

  it("refuses wrong lengths and non-hex characters with the reason", () => {
    expect(parseDelegatee("0x1234", local)).toEqual({
      kind: "invalid",
      message: "Delegate address is not an address: it has 4 hex digits after 0x, an address has 40.",
    });
    expect(parseDelegatee(`${checksummed}0`, local).kind).toBe("invalid");
    const nonHex = parseDelegatee(`0x${"g".repeat(40)}`, local);
    expect(nonHex.kind === "invalid" && nonHex.message).toMatch(
      /^Delegate address is not an address: after 0x only hex/,
    );
    expect(parseDelegatee(`0X${checksummed.slice(2)}`, local).kind).toBe("invalid");
  });

  it("refuses words that are neither an address nor a name", () => {
    expect(parseDelegatee("not an address", local)).toEqual({
      kind: "invalid",
      message: "Delegate address is not an address: an address is 0x followed by 40 hex digits.",
    });
    const onMainnet = parseDelegatee("lina", mainnet);
    expect(onMainnet.kind === "invalid" && onMainnet.message).toMatch(/neither an address .* nor an ENS name/);
  });

  it("takes ENS names only where ENS exists, normalised", () => {
    expect(parseDelegatee("Lina.eth", mainnet)).toEqual({ kind: "ens", name: "lina.eth" });
    expect(parseDelegatee("lina.eth", local)).toEqual({
      kind: "invalid",
      message:
        "Delegate address: ENS names are not available on Foundry (ENS lives on Ethereum mainnet). Enter a 0x address.",
    });
    const invalidName = parseDelegatee("li\u0000na.eth", mainnet);
    expect(invalidName.kind).toBe("invalid");
  });
});
