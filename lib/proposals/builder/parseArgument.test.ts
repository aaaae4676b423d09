import { describe, expect, it } from "vitest";
import { displayType, inputHint, parameterLabel, parseArgument } from "./parseArgument";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ok = (value: unknown) => ({ ok: true, value });

function error(type: string, input: string, extra: Partial<{ components: { type: string; name?: string }[] }> = {}) {
  const result = parseArgument({ type, name: "x", ...extra }, input, `Action 2 · x (${type})`);
  if (result.ok) throw new Error(`expected an error for ${type} ${input}`);
  return result.error;
}

describe("parseArgument: scalars", () => {
  it("reads addresses: checksummed, lowercase or uppercase", () => {
    expect(parseArgument({ type: "address" }, ` ${alice} `, "to")).toEqual(ok(alice));
    expect(parseArgument({ type: "address" }, alice.toLowerCase(), "to")).toEqual(ok(alice));
    expect(parseArgument({ type: "address" }, `0x${alice.slice(2).toUpperCase()}`, "to")).toEqual(ok(alice));
  });

  it("refuses malformed addresses and bad checksums, naming the field", () => {
    expect(error("address", "")).toBe("Action 2 · x (address): is required");
    expect(error("address", "0x1234")).toBe("Action 2 · x (address): must be 40 hex characters after 0x (this has 4)");
    expect(error("address", alice.slice(2))).toBe("Action 2 · x (address): must start with 0x");
    expect(error("address", "vitalik.eth")).toMatch(
      /must be an address: 0x followed by 40 hex characters \(names are not resolved/,
    );
    expect(error("address", "0xZZ997970C51812dc3A010C7d01b50e0d17dc79C8")).toMatch(/must be an address/);
    // One letter's case flipped: the checksum catches it.
    expect(error("address", alice.replace("C518", "c518"))).toBe(
      "Action 2 · x (address): has an invalid checksum: check it for a typo (or write it all in lowercase)",
    );
  });

  it("reads whole numbers with range checks per type", () => {
    expect(parseArgument({ type: "uint256" }, "1_000_000", "n")).toEqual(ok(1_000_000n));
    expect(parseArgument({ type: "uint256" }, "0xff", "n")).toEqual(ok(255n));
    expect(parseArgument({ type: "uint8" }, "255", "n")).toEqual(ok(255n));
    expect(parseArgument({ type: "int8" }, "-128", "n")).toEqual(ok(-128n));
    expect(parseArgument({ type: "uint" }, (2n ** 256n - 1n).toString(), "n")).toEqual(ok(2n ** 256n - 1n));
    expect(error("uint256", "-1")).toBe("Action 2 · x (uint256): must be a whole number ≥ 0");
    expect(error("uint256", "1.5")).toBe("Action 2 · x (uint256): must be a whole number ≥ 0");
    expect(error("uint256", "abc")).toBe("Action 2 · x (uint256): must be a whole number ≥ 0");
    expect(error("int256", "1e3")).toBe("Action 2 · x (int256): must be a whole number");
    expect(error("uint8", "256")).toBe("Action 2 · x (uint8): is out of range: a uint8 must be at most 255");
    expect(error("int8", "128")).toBe("Action 2 · x (int8): is out of range: an int8 must be between -128 and 127");
    expect(error("uint256", (2n ** 256n).toString())).toBe(
      "Action 2 · x (uint256): is out of range: a uint256 must be at most 2^256 − 1",
    );
    expect(error("int256", (2n ** 255n).toString())).toMatch(/between −2\^255 and 2\^255 − 1/);
    expect(error("uint256", "")).toBe("Action 2 · x (uint256): is required");
  });

  it("reads booleans, bytes and strings", () => {
    expect(parseArgument({ type: "bool" }, "TRUE", "b")).toEqual(ok(true));
    expect(parseArgument({ type: "bool" }, "false", "b")).toEqual(ok(false));
    expect(error("bool", "yes")).toBe("Action 2 · x (bool): must be true or false");
    expect(parseArgument({ type: "bytes" }, "0xABcd", "b")).toEqual(ok("0xabcd"));
    expect(parseArgument({ type: "bytes" }, "", "b")).toEqual(ok("0x"));
    expect(parseArgument({ type: "bytes4" }, "0xa9059cbb", "b")).toEqual(ok("0xa9059cbb"));
    expect(error("bytes", "abcd")).toBe("Action 2 · x (bytes): must be hex starting with 0x");
    expect(error("bytes", "0xabc")).toBe("Action 2 · x (bytes): must have an even number of hex digits (whole bytes)");
    expect(error("bytes", "0xzz")).toMatch(/only hex digits/);
    expect(error("bytes32", "0x1234")).toBe(
      "Action 2 · x (bytes32): must be exactly 32 bytes (64 hex digits after 0x); this has 2",
    );
    expect(parseArgument({ type: "string" }, "  spaces kept ", "s")).toEqual(ok("  spaces kept "));
  });
});

describe("parseArgument: arrays and tuples as JSON", () => {
  it("reads arrays of any item type, numbers as JSON numbers or strings", () => {
    expect(parseArgument({ type: "address[]" }, `["${alice.toLowerCase()}"]`, "a")).toEqual(ok([alice]));
    expect(parseArgument({ type: "uint256[]" }, `[1, "2", "${2n ** 200n}"]`, "a")).toEqual(ok([1n, 2n, 2n ** 200n]));
    expect(parseArgument({ type: "uint8[2][]" }, "[[1,2],[3,4]]", "a")).toEqual(
      ok([
        [1n, 2n],
        [3n, 4n],
      ]),
    );
    expect(parseArgument({ type: "bool[]" }, "[true, false]", "a")).toEqual(ok([true, false]));
    expect(parseArgument({ type: "string[]" }, "[]", "a")).toEqual(ok([]));
  });

  it("says which item is wrong and why", () => {
    expect(error("uint8[]", "[1, 300]")).toBe(
      "Action 2 · x (uint8[]) › item 2: is out of range: a uint8 must be at most 255",
    );
    expect(error("uint256[]", "[12345678901234567890]")).toMatch(
      /item 1: is too large for a JSON number: write it in quotes/,
    );
    expect(error("uint256[2]", "[1]")).toBe("Action 2 · x (uint256[2]): must have exactly 2 items (this has 1)");
    expect(error("address[]", "0x1")).toMatch(
      /^Action 2 · x \(address\[\]\): is not valid JSON \(.*\); write it like \["0x…", "0x…"\]/,
    );
    expect(error("address[]", '{"a":1}')).toBe("Action 2 · x (address[]): must be a JSON array (got an object)");
    expect(error("address[]", "")).toMatch(/is required: write it as JSON/);
  });

  it("reads tuples as arrays in order or objects by name, nested in arrays", () => {
    const components = [
      { type: "address", name: "to" },
      { type: "uint256", name: "amount" },
    ];
    expect(parseArgument({ type: "tuple", components }, `["${alice}", 5]`, "t")).toEqual(ok([alice, 5n]));
    expect(parseArgument({ type: "tuple", components }, `{"amount": "7", "to": "${alice}"}`, "t")).toEqual(
      ok([alice, 7n]),
    );
    expect(
      parseArgument({ type: "tuple[]", components }, `[["${alice}", 1], {"to": "${alice}", "amount": 2}]`, "t"),
    ).toEqual(
      ok([
        [alice, 1n],
        [alice, 2n],
      ]),
    );
    expect(error("tuple[]", `[["${alice}", -1]]`, { components })).toBe(
      "Action 2 · x (tuple[]) › item 1 › amount: must be a whole number ≥ 0",
    );
    expect(error("tuple", `{"to": "${alice}"}`, { components })).toBe(
      "Action 2 · x (tuple): is missing the field amount",
    );
    expect(error("tuple", `{"to": "${alice}", "amount": 1, "memo": ""}`, { components })).toBe(
      'Action 2 · x (tuple): has an unknown field "memo"',
    );
    expect(error("tuple", "[1]", { components })).toBe("Action 2 · x (tuple): must have 2 fields in order: to, amount");
  });
});

describe("labels and hints", () => {
  const tuple = { type: "tuple[]", name: "orders", components: [{ type: "address" }, { type: "uint256" }] };
  it("spells tuple types out", () => {
    expect(displayType(tuple)).toBe("(address,uint256)[]");
    expect(parameterLabel(tuple, 0)).toBe("orders ((address,uint256)[])");
    expect(parameterLabel({ type: "uint256", name: "" }, 1)).toBe("argument 2 (uint256)");
  });
  it("hints at the JSON to type", () => {
    expect(inputHint({ type: "address[]" })).toBe('["0x…", "0x…"]');
    expect(inputHint({ type: "uint256[]" })).toBe("[0, 0]");
    expect(inputHint(tuple)).toBe('[["0x…", 0], ["0x…", 0]]');
  });
});
