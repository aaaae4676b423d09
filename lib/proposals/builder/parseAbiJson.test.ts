import { type Abi, erc20Abi, toFunctionSignature } from "viem";
import { describe, expect, it } from "vitest";
import { demoGovernorAbi } from "../../../contracts-abi/demoGovernor";
import { callableFunctions, parseAbiJson } from "./parseAbiJson";

const field = "Action 1 · ABI";

function error(text: string): string {
  const result = parseAbiJson(text, field);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("parseAbiJson", () => {
  it("reads a JSON ABI and lists the functions that change state", () => {
    const result = parseAbiJson(JSON.stringify(erc20Abi), field);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.functions.map(toFunctionSignature)).toEqual([
      "approve(address,uint256)",
      "transfer(address,uint256)",
      "transferFrom(address,address,uint256)",
    ]);
  });

  it("reads the DAO's compiled governor ABI (tuples, overloads, events, errors)", () => {
    const result = parseAbiJson(JSON.stringify(demoGovernorAbi), field);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const signatures = result.functions.map(toFunctionSignature);
    expect(signatures).toContain("propose(address[],uint256[],bytes[],string)");
    expect(signatures).toContain("setProposalThreshold(uint256)");
    expect(signatures).not.toContain("state(uint256)");
  });

  it("reads a build artifact's abi field and legacy constant/payable flags", () => {
    const artifact = {
      contractName: "Old",
      abi: [
        { constant: true, name: "total", inputs: [], outputs: [{ name: "", type: "uint256" }], type: "function" },
        { constant: false, payable: true, name: "deposit", inputs: [], outputs: [] },
      ],
    };
    const result = parseAbiJson(JSON.stringify(artifact), field);
    expect(result.ok && result.functions.map((item) => [item.name, item.stateMutability])).toEqual([
      ["deposit", "payable"],
    ]);
  });

  it("explains bad JSON and things that are not an ABI", () => {
    expect(error("")).toBe("Action 1 · ABI: is required: paste the contract's ABI (a JSON array)");
    expect(error("[{ name: 'x' }")).toMatch(/^Action 1 · ABI: is not valid JSON \(.+\)$/);
    expect(error('{"hello": 1}')).toMatch(/^Action 1 · ABI: is not an ABI: expected a JSON array/);
    expect(error("[1]")).toBe(
      'Action 1 · ABI: is not a valid ABI: entry 1 is not an ABI entry (an object with a "type")',
    );
    expect(error('[{"type":"function","name":"f","inputs":[{"name":"x","type":"uint257"}]}]')).toBe(
      'Action 1 · ABI: is not a valid ABI: entry 1 (f): input 1 (x) has an invalid type "uint257"',
    );
    expect(error('[{"type":"function","name":"f","inputs":[{"name":"t","type":"tuple"}]}]')).toBe(
      'Action 1 · ABI: is not a valid ABI: entry 1 (f): input 1 (t) is a tuple without "components"',
    );
    expect(error('[{"type":"function","inputs":[]}]')).toBe(
      "Action 1 · ABI: is not a valid ABI: entry 1 (a function) has no valid name",
    );
    expect(error('[{"type":"event","name":"E","inputs":[]}]')).toBe("Action 1 · ABI: has no functions");
    expect(error('[{"type":"function","name":"v","inputs":[],"outputs":[],"stateMutability":"view"}]')).toMatch(
      /only view and pure functions/,
    );
  });

  it("knows the Solidity types (abitype's grammar), and what viem cannot encode", () => {
    const withInput = (type: string) =>
      parseAbiJson(
        JSON.stringify([
          {
            type: "function",
            name: "f",
            inputs: [{ name: "x", type, ...(type.startsWith("tuple") ? { components: [{ type: "address" }] } : {}) }],
          },
        ]),
        field,
      );
    for (const type of ["uint", "uint8", "int256", "bytes", "bytes32", "address[]", "bool[2][]", "tuple[]", "string"]) {
      expect(withInput(type).ok, type).toBe(true);
    }
    for (const type of ["uint7", "uint264", "bytes0", "bytes33", "address[0]", "Address", "uint08", "function"]) {
      expect(withInput(type), type).toEqual({
        ok: false,
        error: `${field}: is not a valid ABI: entry 1 (f): input 1 (x) has an invalid type "${type}"`,
      });
    }
    expect(withInput("fixed128x18")).toMatchObject({
      error: expect.stringMatching(/fixed-point types are not supported/),
    });
  });

  it("checks names exactly (they are hashed into the selector)", () => {
    expect(error('[{"type":"function","name":"f x","inputs":[]}]')).toBe(
      "Action 1 · ABI: is not a valid ABI: entry 1 (a function) has no valid name",
    );
    expect(error('[{"type":"function","name":"f","inputs":[{"name":"a-b","type":"uint256"}]}]')).toBe(
      "Action 1 · ABI: is not a valid ABI: entry 1 (f): input 1 has an invalid name",
    );
    expect(error('[{"type":"function","name":"f","inputs":[],"stateMutability":"sometimes"}]')).toBe(
      "Action 1 · ABI: is not a valid ABI: entry 1 (f) has an invalid stateMutability",
    );
  });

  it("lists each signature once", () => {
    const item = { type: "function", name: "f", inputs: [], outputs: [], stateMutability: "nonpayable" } as const;
    expect(callableFunctions([item, item] as Abi)).toHaveLength(1);
  });
});
