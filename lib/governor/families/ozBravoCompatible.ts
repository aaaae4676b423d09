/**
 * OpenZeppelin 4.x Governor with GovernorCompatibilityBravo: every OpenZeppelin call, plus
 * Bravo's id-based queue/execute/cancel (used here, so a proposal made with signatures needs no
 * re-encoding) and Bravo's propose with signatures (used when the content carries signatures).
 * Its counting module is GovernorCompatibilityBravo, which has no proposalVotes: tallies come
 * from Bravo's proposals(id) struct.
 */
import { parseAbi } from "viem";
import type { GovernorAdapter, WriteDao } from "../adapter";
import { bravoProposeArgs } from "./bravo";
import { type OpenZeppelinOptions, openzeppelinAdapter } from "./openzeppelin";
import { bravoStructTallies, callBuilder, picking } from "./shared";

export const ozBravoCompatibleAbi = parseAbi([
  "function propose(address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, string description) returns (uint256)",
  "function queue(uint256 proposalId)",
  "function execute(uint256 proposalId) payable",
  "function cancel(uint256 proposalId)",
  "function quorumVotes() view returns (uint256)",
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, uint256 abstainVotes, bool canceled, bool executed)",
]);

/** @example ozBravoCompatibleAdapter(dao).execute(id, content) // execute(uint256 id) */
export function ozBravoCompatibleAdapter(
  dao: Pick<WriteDao, "governor" | "token">,
  options: OpenZeppelinOptions = {},
): GovernorAdapter {
  const oz = openzeppelinAdapter(dao, options);
  const b = callBuilder(dao.governor, ozBravoCompatibleAbi);
  return {
    ...oz,
    family: "oz-bravo-compatible",
    propose: (content) => (content.signatures ? b("propose", bravoProposeArgs(content)) : oz.propose(content)),
    queue: (proposalId) => b("queue", [proposalId]),
    execute: (proposalId) => b("execute", [proposalId]),
    cancel: (proposalId) => b("cancel", [proposalId]),
    proposalVotes: (proposalId) => picking(b("proposals", [proposalId]), bravoStructTallies),
    proposalsById: true,
  };
}
