/**
 * Each governor family builds the calldata its contracts expect: decoded against the reference
 * signatures (selector and arguments), with no chain needed.
 *
 * Over 300 lines: one suite over every governor family, sharing its call fixtures.
 */
import {
  type Abi,
  type Address,
  decodeFunctionData,
  encodeFunctionData,
  type Hex,
  keccak256,
  parseAbi,
  size,
  slice,
  stringToHex,
  toFunctionSelector,
} from "viem";
import { describe, expect, it } from "vitest";
import {
  type ContractRead,
  type ContractWrite,
  defaultDaoFlavour,
  governorAdapter,
  type ProposalContent,
  readResult,
} from "./adapter";
import {
  alphaAdapter,
  bravoAdapter,
  fractionalParams,
  governorAdapterFor,
  openzeppelinAdapter,
  ozBravoCompatibleAdapter,
} from "./families";

const dao = {
  governor: "0x1111111111111111111111111111111111111111" as Address,
  token: "0x2222222222222222222222222222222222222222" as Address,
};
const voter = "0x3333333333333333333333333333333333333333" as Address;
const content: ProposalContent = {
  targets: ["0x4444444444444444444444444444444444444444"],
  values: [5n],
  calldatas: ["0xa9059cbb"],
  description: "# Title\n\nBody",
};
const descriptionHash = keccak256(stringToHex(content.description));

/** Encodes `write` as the wallet would and decodes it against `signature`: selector and arguments. */
function decoded(write: ContractWrite, signature: string) {
  const data = encodeFunctionData({ abi: write.abi, functionName: write.functionName, args: write.args } as never);
  expect(slice(data, 0, 4), `selector of ${signature}`).toBe(toFunctionSelector(signature));
  const abi = parseAbi([`function ${signature}`] as readonly string[]) as Abi;
  return decodeFunctionData({ abi, data }).args as readonly unknown[] | undefined;
}

describe("openzeppelin family", () => {
  const adapter = openzeppelinAdapter(dao);

  it("is what governorAdapter(dao) returns", () => {
    const legacy = governorAdapter(dao);
    expect(legacy.family).toBe("openzeppelin");
    expect(legacy.queue(1n, content)).toEqual(adapter.queue(1n, content));
  });

  it("votes, proposes and runs the lifecycle by content", () => {
    expect(decoded(adapter.castVote(7n, 1), "castVote(uint256,uint8)")).toEqual([7n, 1]);
    expect(decoded(adapter.castVote(7n, 0, "No"), "castVoteWithReason(uint256,uint8,string)")).toEqual([7n, 0, "No"]);
    expect(decoded(adapter.propose(content), "propose(address[],uint256[],bytes[],string)")).toEqual([
      content.targets,
      content.values,
      content.calldatas,
      content.description,
    ]);
    for (const fn of ["queue", "execute", "cancel"] as const) {
      expect(decoded(adapter[fn](7n, content), `${fn}(address[],uint256[],bytes[],bytes32)`)).toEqual([
        content.targets,
        content.values,
        content.calldatas,
        descriptionHash,
      ]);
    }
    expect(adapter.proposalsById).toBe(false);
    const hash = adapter.hashProposal?.(content);
    expect(hash && decoded(hash as ContractWrite, "hashProposal(address[],uint256[],bytes[],bytes32)")).toEqual([
      content.targets,
      content.values,
      content.calldatas,
      descriptionHash,
    ]);
  });

  it("reads votes with getPastVotes, or getPriorVotes for a Compound-style token", () => {
    expect(decoded(adapter.votesAt(voter, 9n), "getPastVotes(address,uint256)")).toEqual([voter, 9n]);
    expect(decoded(adapter.votesNow(voter), "getVotes(address)")).toEqual([voter]);
    expect(adapter.votesAt(voter, 9n).address).toBe(dao.token);
    const comp = openzeppelinAdapter(dao, { votes: "getPriorVotes" });
    expect(decoded(comp.votesAt(voter, 9n), "getPriorVotes(address,uint256)")).toEqual([voter, 9n]);
    expect(decoded(comp.votesNow(voter), "getCurrentVotes(address)")).toEqual([voter]);
    expect(decoded(adapter.delegate(voter), "delegate(address)")).toEqual([voter]);
  });

  it("has no clock read when the governor has no clock(): its clock is the block number", () => {
    expect(decoded(adapter.clock?.() as ContractRead, "clock()")).toBeUndefined();
    expect(openzeppelinAdapter(dao, { hasClock: false }).clock).toBeUndefined();
  });
});

describe("bravo family", () => {
  const adapter = bravoAdapter(dao);

  it("proposes with signatures: empty ones for full calldatas, or the content's own", () => {
    const signature = "propose(address[],uint256[],string[],bytes[],string)";
    expect(decoded(adapter.propose(content), signature)).toEqual([
      content.targets,
      content.values,
      [""],
      content.calldatas,
      content.description,
    ]);
    const withSignatures = { ...content, signatures: ["transfer(address,uint256)"], calldatas: ["0x1234"] as Hex[] };
    expect(decoded(adapter.propose(withSignatures), signature)).toEqual([
      content.targets,
      content.values,
      ["transfer(address,uint256)"],
      ["0x1234"],
      content.description,
    ]);
    expect(() => adapter.propose({ ...content, signatures: [] })).toThrow(/0 signatures for 1 actions/);
  });

  it("queues, executes and cancels by id, and votes like OpenZeppelin", () => {
    expect(adapter.proposalsById).toBe(true);
    expect(decoded(adapter.queue(7n, content), "queue(uint256)")).toEqual([7n]);
    expect(decoded(adapter.execute(7n, content), "execute(uint256)")).toEqual([7n]);
    // Compound's execute forwards each action's value from the caller: it sends their sum.
    expect(adapter.execute(7n, content).value).toBe(5n);
    expect(adapter.execute(7n, { ...content, targets: [dao.token, dao.token], values: [2n, 3n] }).value).toBe(5n);
    expect(decoded(adapter.cancel(7n, content), "cancel(uint256)")).toEqual([7n]);
    expect(decoded(adapter.castVote(7n, 2), "castVote(uint256,uint8)")).toEqual([7n, 2]);
    expect(decoded(adapter.castVote(7n, 1, "Yes"), "castVoteWithReason(uint256,uint8,string)")).toEqual([7n, 1, "Yes"]);
    expect(adapter.hashProposal).toBeUndefined();
    expect(decoded(adapter.proposerWhitelisted?.(voter) as ContractWrite, "isWhitelisted(address)")).toEqual([voter]);
  });

  it("reads votes with getPriorVotes and the proposal's fields from proposals(id)", () => {
    expect(decoded(adapter.votesAt(voter, 9n), "getPriorVotes(address,uint256)")).toEqual([voter, 9n]);
    expect(decoded(adapter.votesNow(voter), "getCurrentVotes(address)")).toEqual([voter]);
    expect(decoded(adapter.quorum(9n), "quorumVotes()")).toBeUndefined();
    const proposal = [7n, voter, 1234n, 100n, 200n, 1n, 2n, 3n, false, false] as const;
    const fields = {
      proposalEta: 1234n,
      proposalProposer: voter,
      proposalSnapshot: 100n,
      proposalDeadline: 200n,
    } as const;
    for (const [fn, expected] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
      const call = adapter[fn](7n);
      expect(decoded(call as ContractWrite, "proposals(uint256)")).toEqual([7n]);
      expect(readResult(call, proposal)).toBe(expected);
    }
    const receipt = adapter.hasVoted(7n, voter);
    expect(decoded(receipt as ContractWrite, "getReceipt(uint256,address)")).toEqual([7n, voter]);
    expect(readResult(receipt, { hasVoted: true, support: 1, votes: 5n })).toBe(true);
    // OpenZeppelin reads pass through unchanged.
    const eta = openzeppelinAdapter(dao).proposalEta(7n);
    expect(readResult(eta, 99n)).toBe(99n);
  });
});

describe("alpha family", () => {
  const adapter = alphaAdapter(dao);

  it("votes For (true) or Against (false) only, with no reason", () => {
    expect(adapter.family).toBe("alpha");
    expect(decoded(adapter.castVote(7n, 1), "castVote(uint256,bool)")).toEqual([7n, true]);
    expect(decoded(adapter.castVote(7n, 0), "castVote(uint256,bool)")).toEqual([7n, false]);
    expect(decoded(adapter.castVote(7n, 1, "  "), "castVote(uint256,bool)")).toEqual([7n, true]);
    expect(() => adapter.castVote(7n, 2)).toThrow("GovernorAlpha has no Abstain");
    expect(() => adapter.castVote(7n, 1, "Yes")).toThrow("GovernorAlpha keeps no reasons");
    expect(adapter.voteLimits?.supports).toEqual([1, 0]);
    expect(adapter.voteLimits?.reasons).toBe(false);
    expect(adapter.castVoteSplit).toBeUndefined();
    expect(adapter.proposerCanCancel).toBe(false);
  });

  it("proposes with signatures and runs the lifecycle by id, execute sending the actions' ETH", () => {
    const withSignatures = { ...content, signatures: ["transfer(address,uint256)"], calldatas: ["0x1234"] as Hex[] };
    expect(decoded(adapter.propose(withSignatures), "propose(address[],uint256[],string[],bytes[],string)")).toEqual([
      content.targets,
      content.values,
      ["transfer(address,uint256)"],
      ["0x1234"],
      content.description,
    ]);
    expect(adapter.proposalsById).toBe(true);
    expect(decoded(adapter.queue(7n, content), "queue(uint256)")).toEqual([7n]);
    expect(decoded(adapter.execute(7n, content), "execute(uint256)")).toEqual([7n]);
    expect(adapter.execute(7n, content).value).toBe(5n);
    expect(decoded(adapter.cancel(7n, content), "cancel(uint256)")).toEqual([7n]);
  });

  it("reads the nine-field proposals(id) (no abstainVotes), getReceipt with a bool support, getPriorVotes", () => {
    const proposal = [7n, voter, 1234n, 100n, 200n, 500n, 50n, false, true] as const;
    const fields = {
      proposalEta: 1234n,
      proposalProposer: voter,
      proposalSnapshot: 100n,
      proposalDeadline: 200n,
    } as const;
    for (const [fn, expected] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
      const call = adapter[fn](7n);
      expect(decoded(call as ContractWrite, "proposals(uint256)")).toEqual([7n]);
      expect(readResult(call, proposal)).toBe(expected);
    }
    const tallies = adapter.proposalVotes(7n);
    expect(readResult(tallies, proposal)).toEqual({ forVotes: 500n, againstVotes: 50n, abstainVotes: 0n });
    expect(readResult(tallies, undefined)).toBeUndefined();
    const receipt = adapter.hasVoted(7n, voter);
    expect(decoded(receipt as ContractWrite, "getReceipt(uint256,address)")).toEqual([7n, voter]);
    expect(readResult(receipt, { hasVoted: true, support: false, votes: 5n })).toBe(true);
    expect(decoded(adapter.votesAt(voter, 9n), "getPriorVotes(address,uint256)")).toEqual([voter, 9n]);
    expect(decoded(adapter.quorum(9n), "quorumVotes()")).toBeUndefined();
    expect(adapter.clock).toBeUndefined();
  });

  it("is what governorAdapter picks for a DAO detected as GovernorAlpha", () => {
    const picked = governorAdapter({
      ...dao,
      flavour: { ...defaultDaoFlavour, family: "alpha", votes: "getPriorVotes" },
    });
    expect(picked.family).toBe("alpha");
    expect(decoded(picked.castVote(1n, 1), "castVote(uint256,bool)")).toEqual([1n, true]);
  });
});

describe("oz-bravo-compatible family", () => {
  const adapter = ozBravoCompatibleAdapter(dao);

  it("uses Bravo's id-based lifecycle and both propose forms", () => {
    expect(adapter.family).toBe("oz-bravo-compatible");
    expect(decoded(adapter.queue(7n, content), "queue(uint256)")).toEqual([7n]);
    expect(decoded(adapter.execute(7n, content), "execute(uint256)")).toEqual([7n]);
    expect(decoded(adapter.cancel(7n, content), "cancel(uint256)")).toEqual([7n]);
    decoded(adapter.propose(content), "propose(address[],uint256[],bytes[],string)");
    expect(
      decoded(
        adapter.propose({ ...content, signatures: ["f()"], calldatas: ["0x"] }),
        "propose(address[],uint256[],string[],bytes[],string)",
      ),
    ).toEqual([content.targets, content.values, ["f()"], ["0x"], content.description]);
    expect(decoded(adapter.votesAt(voter, 9n), "getPastVotes(address,uint256)")).toEqual([voter, 9n]);
    expect(decoded(adapter.hasVoted(7n, voter), "hasVoted(uint256,address)")).toEqual([7n, voter]);
  });
});

describe("fractional voting", () => {
  it("packs against, for, abstain as three uint128 (48 bytes), as GovernorCountingFractional reads them", () => {
    const params = fractionalParams({ against: 1n, for: 2n, abstain: 3n });
    expect(size(params)).toBe(48);
    expect(params).toBe(`0x${[1n, 2n, 3n].map((n) => n.toString(16).padStart(32, "0")).join("")}`);
    expect(() => fractionalParams({ against: -1n, for: 0n, abstain: 0n })).toThrow(RangeError);
    expect(() => fractionalParams({ against: 1n << 128n, for: 0n, abstain: 0n })).toThrow(RangeError);
  });

  it("casts a split vote with support 255 through castVoteWithReasonAndParams", () => {
    const adapter = governorAdapterFor({ family: "openzeppelin", fractional: true, hasClock: true, token: null }, dao);
    const split = { against: 10n ** 18n, for: 3n * 10n ** 18n, abstain: 0n };
    const write = adapter.castVoteSplit?.(7n, split, "Mostly for");
    expect(write).toBeDefined();
    expect(decoded(write as ContractWrite, "castVoteWithReasonAndParams(uint256,uint8,string,bytes)")).toEqual([
      7n,
      255,
      "Mostly for",
      fractionalParams(split),
    ]);
    expect(
      decoded(
        adapter.castVoteSplit?.(7n, split) as ContractWrite,
        "castVoteWithReasonAndParams(uint256,uint8,string,bytes)",
      )?.[2],
    ).toBe("");
    expect(decoded(adapter.usedVotes?.(7n, voter) as ContractWrite, "usedVotes(uint256,address)")).toEqual([7n, voter]);
    // Nominal votes still go through castVote.
    expect(decoded(adapter.castVote(7n, 1), "castVote(uint256,uint8)")).toEqual([7n, 1]);
  });
});

describe("governorAdapterFor", () => {
  const token = (votes: "getPastVotes" | "getPriorVotes") => ({
    kind: "erc20votes" as const,
    address: dao.token,
    decimals: 18,
    symbol: "T",
    name: null,
    votes,
  });

  it("picks the family, the token's votes functions and fractional voting from the flavour", () => {
    const oz = governorAdapterFor(
      { family: "openzeppelin", fractional: false, hasClock: true, token: token("getPastVotes") },
      dao,
    );
    expect(oz.family).toBe("openzeppelin");
    expect(oz.castVoteSplit).toBeUndefined();
    const bravo = governorAdapterFor(
      { family: "bravo", fractional: false, hasClock: false, token: token("getPriorVotes") },
      dao,
    );
    expect(bravo.family).toBe("bravo");
    expect(bravo.votesAt(voter, 1n).functionName).toBe("getPriorVotes");
    const compat = governorAdapterFor(
      { family: "oz-bravo-compatible", fractional: false, hasClock: true, token: token("getPriorVotes") },
      dao,
    );
    expect(compat.family).toBe("oz-bravo-compatible");
    expect(compat.votesAt(voter, 1n).functionName).toBe("getPriorVotes");
    const unknown = governorAdapterFor({ family: null, fractional: false, hasClock: true, token: null }, dao);
    expect(unknown.family).toBe("openzeppelin");
  });
});

describe("governorAdapter(writeDao)", () => {
  it("follows the flavour the server detected and put on the WriteDao", () => {
    expect(governorAdapter(dao).family).toBe("openzeppelin");
    const bravo = governorAdapter({
      ...dao,
      flavour: { ...defaultDaoFlavour, family: "bravo", votes: "getPriorVotes" },
    });
    expect(bravo.family).toBe("bravo");
    expect(bravo.proposalsById).toBe(true);
    expect(bravo.votesNow(voter).functionName).toBe("getCurrentVotes");
    const fractional = governorAdapter({ ...dao, flavour: { ...defaultDaoFlavour, fractional: true } });
    expect(fractional.castVoteSplit).toBeDefined();
    const oldOz = governorAdapter({ ...dao, flavour: { ...defaultDaoFlavour, hasClock: false } });
    expect(oldOz.clock).toBeUndefined();
  });
});

describe("proposalVotes", () => {
  const struct = [7n, voter, 0n, 100n, 200n, 500n, 50n, 5n, false, false] as const;

  it("OpenZeppelin reads proposalVotes(id) and names its (against, for, abstain) tuple", () => {
    for (const adapter of [
      openzeppelinAdapter(dao),
      governorAdapterFor({ family: "openzeppelin", fractional: true, hasClock: true, token: null }, dao),
    ]) {
      const call = adapter.proposalVotes(7n);
      expect(decoded(call as ContractWrite, "proposalVotes(uint256)")).toEqual([7n]);
      expect(readResult(call, [10n, 300n, 20n])).toEqual({ againstVotes: 10n, forVotes: 300n, abstainVotes: 20n });
      expect(readResult(call, { againstVotes: 1n, forVotes: 2n, abstainVotes: 3n })).toEqual({
        againstVotes: 1n,
        forVotes: 2n,
        abstainVotes: 3n,
      });
      expect(readResult(call, undefined)).toBeUndefined();
    }
  });

  it("Bravo and OZ 4.9 GovernorCompatibilityBravo (no proposalVotes) read the proposals(id) struct", () => {
    const flavours = [
      bravoAdapter(dao),
      ozBravoCompatibleAdapter(dao),
      governorAdapter({ ...dao, flavour: { ...defaultDaoFlavour, family: "oz-bravo-compatible" } }),
    ];
    for (const adapter of flavours) {
      const call = adapter.proposalVotes(7n);
      expect(decoded(call as ContractWrite, "proposals(uint256)")).toEqual([7n]);
      expect(readResult(call, struct)).toEqual({ forVotes: 500n, againstVotes: 50n, abstainVotes: 5n });
    }
    const named = { id: 7n, forVotes: 9n, againstVotes: 8n, abstainVotes: 7n };
    expect(readResult(bravoAdapter(dao).proposalVotes(7n), named)).toEqual({
      forVotes: 9n,
      againstVotes: 8n,
      abstainVotes: 7n,
    });
  });
});
