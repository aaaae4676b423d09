/**
 * OpenZeppelin Governor's proposal id, recomputed off chain: `hashProposal(targets, values,
 * calldatas, descriptionHash)` = uint256(keccak256(abi.encode(address[], uint256[], bytes[],
 * bytes32 keccak256(bytes(description))))). A page that shows a proposal's actions and text can
 * prove they are the ones the id commits to.
 */
import { type Address, encodeAbiParameters, type Hex, hexToBigInt, keccak256, parseAbiParameters, toHex } from "viem";

export type ProposalContent = {
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
};

const proposalParameters = parseAbiParameters("address[], uint256[], bytes[], bytes32");

/**
 * @example
 * hashProposal({ targets: [to], values: [0n], calldatas: ["0x"], description: "# Title" }) // 7135…n
 */
export function hashProposal({ targets, values, calldatas, description }: ProposalContent): bigint {
  const descriptionHash = keccak256(toHex(description));
  return hexToBigInt(keccak256(encodeAbiParameters(proposalParameters, [targets, values, calldatas, descriptionHash])));
}
