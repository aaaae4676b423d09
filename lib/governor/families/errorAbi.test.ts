import { type AbiItem, toFunctionSignature } from "viem";
import { describe, expect, it } from "vitest";
import { demoGovernorAbi, demoTimelockAbi, demoTokenAbi } from "../../../contracts-abi";
import {
  bravoGovernorAbi,
  bravoTimelockAbi,
  bravoTokenAbi,
  nftGovernorAbi,
  nftTokenAbi,
  timestampFractionalGovernorAbi,
  timestampFractionalTokenAbi,
} from "../../../contracts-abi/flavours";
import { governorErrorAbi } from "./errorAbi";

/** The fixture NFT's own mint guard: a test contract's error, not one a real DAO reverts with. */
const fixtureOnly = new Set(["NftTokenOnlyMinter"]);

const signatures = (abi: readonly unknown[]) =>
  (abi as readonly AbiItem[])
    .filter((item) => item.type === "error" && !fixtureOnly.has(item.name))
    .map((item) => toFunctionSignature(item as never));

describe("governorErrorAbi", () => {
  it("names every custom error of the compiled OpenZeppelin contracts the flavours run, with its arguments", () => {
    const compiled = [
      demoGovernorAbi,
      demoTokenAbi,
      demoTimelockAbi,
      timestampFractionalGovernorAbi,
      timestampFractionalTokenAbi,
      nftGovernorAbi,
      nftTokenAbi,
      bravoGovernorAbi,
      bravoTokenAbi,
      bravoTimelockAbi,
    ].flatMap(signatures);
    const listed = signatures(governorErrorAbi);
    expect(new Set(listed)).toEqual(new Set(compiled));
    expect(listed.length).toBe(new Set(listed).size);
  });
});
