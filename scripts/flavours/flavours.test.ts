/**
 * The flavour fixtures (issue 6) on a real anvil: each deploy script leaves a working DAO of its
 * flavour, and each governor behaves as that flavour — its ERC-6372 clock and COUNTING_MODE strings,
 * and a proposal from propose to execute (a split vote on the fractional governor, a late-quorum
 * extension on the NFT governor, Bravo's propose-with-signatures / queue and execute by id and the
 * Compound timelock's Expired state on the Bravo governor). Dev #4 holds tokens in each but never
 * delegated (zero votes).
 */
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodePacked,
  getAddress,
  keccak256,
  parseEther,
  parseUnits,
  stringToHex,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bravoGovernorAbi } from "../../contracts-abi/flavours/bravoGovernor";
import { bravoTimelockAbi } from "../../contracts-abi/flavours/bravoTimelock";
import { bravoTokenAbi } from "../../contracts-abi/flavours/bravoToken";
import { nftGovernorAbi } from "../../contracts-abi/flavours/nftGovernor";
import { nftTokenAbi } from "../../contracts-abi/flavours/nftToken";
import { timestampFractionalGovernorAbi } from "../../contracts-abi/flavours/timestampFractionalGovernor";
import { timestampFractionalTokenAbi } from "../../contracts-abi/flavours/timestampFractionalToken";
import { type AnvilInstance, freePort, startAnvil } from "../../harness/anvil";
import { parseCommonsConfig } from "../../lib/config/parseCommonsConfig";
import { bravoGracePeriod, deployBravo } from "./bravo";
import { dev, type FlavourClient, flavourClient, flavourConfigEntry, write } from "./common";
import { deployNft } from "./nft";
import { deployTimestampFractional } from "./timestampFractional";

/** Governor ProposalState numbering (OZ 4 and 5, same as Bravo's). */
const State = { Pending: 0, Active: 1, Succeeded: 4, Queued: 5, Expired: 6, Executed: 7 } as const;

let anvil: AnvilInstance;
let client: FlavourClient;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
  client = flavourClient(anvil.rpcUrl);
});

afterAll(async () => {
  await anvil?.stop();
});

async function read<T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
  return (await client.readContract({ address, abi, functionName, args } as never)) as T;
}

/** Moves the chain's clock forward and mines one block there. */
async function passSeconds(seconds: number) {
  await client.increaseTime({ seconds });
  await client.mine({ blocks: 1 });
}

/** Simulates `propose` (to learn the id) from `from`, then sends it. */
async function propose(from: Address, address: Address, abi: Abi, args: readonly unknown[]): Promise<bigint> {
  const { result } = await client.simulateContract({
    address,
    abi,
    functionName: "propose",
    args,
    account: from,
  } as never);
  await write(client, from, { address, abi, functionName: "propose", args } as never);
  return result as bigint;
}

describe("flavour fixtures", () => {
  it("ts-fractional: a timestamp clock and a split vote, through the timelock to execution", async () => {
    const dao = await deployTimestampFractional(anvil.rpcUrl);
    const { governor, token } = dao;
    const gov = timestampFractionalGovernorAbi;
    expect(parseCommonsConfig(JSON.stringify({ daos: [flavourConfigEntry(dao, anvil.rpcUrl)] })).daos[0]?.slug).toBe(
      "ts-fractional",
    );

    expect(await read(governor, gov, "CLOCK_MODE")).toBe("mode=timestamp");
    expect(await read(token, timestampFractionalTokenAbi, "CLOCK_MODE")).toBe("mode=timestamp");
    expect(await read(token, timestampFractionalTokenAbi, "balanceOf", [dev[4]])).toBe(parseUnits("10000", 18));
    expect(await read(token, timestampFractionalTokenAbi, "getVotes", [dev[4]])).toBe(0n);
    expect(await read(governor, gov, "COUNTING_MODE")).toBe(
      "support=bravo,fractional&quorum=for,abstain&params=fractional",
    );
    const head = await client.getBlock();
    const clock = await client.readContract({
      address: governor,
      abi: gov,
      functionName: "clock",
      blockNumber: head.number,
    });
    expect(clock).toBe(Number(head.timestamp));

    await passSeconds(10); // the holders' delegations must be in the past for the threshold check
    const recipient = getAddress("0x00000000000000000000000000000000000f1a01");
    const description = "# Pay a contributor\n\nSend 1 ETH from the treasury.";
    const content = [[recipient], [parseEther("1")], ["0x"]] as const;
    const id = await propose(dev[2], governor, gov, [...content, description]);
    expect(await read(governor, gov, "state", [id])).toBe(State.Pending);
    const snapshot = await read<bigint>(governor, gov, "proposalSnapshot", [id]);
    const deadline = await read<bigint>(governor, gov, "proposalDeadline", [id]);
    expect(snapshot).toBeGreaterThan(1_000_000_000n); // a Unix time, not a block number
    expect(deadline - snapshot).toBe(BigInt(dao.settings.votingPeriod));

    await passSeconds(dao.settings.votingDelay + 1);
    expect(await read(governor, gov, "state", [id])).toBe(State.Active);

    // #1 (300k) splits part of its weight, then puts the rest For with a nominal vote.
    const units = (whole: string) => parseUnits(whole, 18);
    const split = encodePacked(["uint128", "uint128", "uint128"], [units("10000"), units("200000"), units("50000")]);
    await write(client, dev[1], {
      address: governor,
      abi: gov,
      functionName: "castVoteWithReasonAndParams",
      args: [id, 255, "Mostly for", split],
    });
    expect(await read(governor, gov, "proposalVotes", [id])).toEqual([units("10000"), units("200000"), units("50000")]);
    expect(await read(governor, gov, "usedVotes", [id, dev[1]])).toBe(units("260000"));
    expect(await read(governor, gov, "hasVoted", [id, dev[1]])).toBe(true);
    await write(client, dev[1], { address: governor, abi: gov, functionName: "castVote", args: [id, 1] });
    expect(await read(governor, gov, "usedVotes", [id, dev[1]])).toBe(units("300000"));

    // A split over the voter's weight is refused by the counting module.
    const tooMuch = encodePacked(["uint128", "uint128", "uint128"], [0n, units("60000"), 0n]);
    await expect(
      client.simulateContract({
        address: governor,
        abi: gov,
        functionName: "castVoteWithReasonAndParams",
        args: [id, 255, "", tooMuch],
        account: dev[3],
      }),
    ).rejects.toThrow(/GovernorExceedRemainingWeight/);

    await write(client, dev[2], { address: governor, abi: gov, functionName: "castVote", args: [id, 0] });
    expect(await read(governor, gov, "proposalVotes", [id])).toEqual([
      units("110000"),
      units("240000"),
      units("50000"),
    ]);

    await passSeconds(dao.settings.votingPeriod + 1);
    expect(await read(governor, gov, "state", [id])).toBe(State.Succeeded);
    const descriptionHash = keccak256(stringToHex(description));
    await write(client, dev[5], {
      address: governor,
      abi: gov,
      functionName: "queue",
      args: [...content, descriptionHash],
    });
    expect(await read(governor, gov, "state", [id])).toBe(State.Queued);
    await passSeconds(dao.settings.timelockDelay + 1);
    await write(client, dev[5], {
      address: governor,
      abi: gov,
      functionName: "execute",
      args: [...content, descriptionHash],
    });
    expect(await read(governor, gov, "state", [id])).toBe(State.Executed);
    expect(await client.getBalance({ address: recipient })).toBe(parseEther("1"));
  });

  it("nft: one NFT is one vote, and a late quorum extends the deadline", async () => {
    const dao = await deployNft(anvil.rpcUrl);
    const { governor, token } = dao;
    const gov = nftGovernorAbi;

    expect(await read(governor, gov, "CLOCK_MODE")).toBe("mode=blocknumber&from=default");
    expect(await read(governor, gov, "COUNTING_MODE")).toBe("support=bravo&quorum=for,abstain");
    expect(await read(token, nftTokenAbi, "supportsInterface", ["0x80ac58cd"])).toBe(true); // ERC-721
    expect(await read(token, nftTokenAbi, "balanceOf", [dev[1]])).toBe(3n);
    expect(await read(token, nftTokenAbi, "getVotes", [dev[1]])).toBe(3n);
    expect(await read(token, nftTokenAbi, "balanceOf", [dev[4]])).toBe(1n);
    expect(await read(token, nftTokenAbi, "getVotes", [dev[4]])).toBe(0n);
    expect(await read(governor, gov, "lateQuorumVoteExtension")).toBe(dao.lateQuorumVoteExtension);

    await client.mine({ blocks: 1 });
    const recipient = getAddress("0x00000000000000000000000000000000000f1a02");
    const description = "# Members' grant\n\nSend 1 ETH from the treasury.";
    const content = [[recipient], [parseEther("1")], ["0x"]] as const;
    const id = await propose(dev[3], governor, gov, [...content, description]); // 1 NFT = the threshold
    const blockAt = await client.getBlockNumber();
    const quorumAt = await read<bigint>(governor, gov, "quorum", [blockAt - 1n]);
    expect(quorumAt).toBe(3n); // 30 % of 11 NFTs, rounded down

    // Vote with #3 early (no quorum), then reach quorum with #1 two blocks before the deadline.
    await client.mine({ blocks: dao.settings.votingDelay + 1 });
    expect(await read(governor, gov, "state", [id])).toBe(State.Active);
    await write(client, dev[3], { address: governor, abi: gov, functionName: "castVote", args: [id, 1] });
    const deadline = await read<bigint>(governor, gov, "proposalDeadline", [id]);
    const head = await client.getBlockNumber();
    await client.mine({ blocks: Number(deadline - head) - 2 });
    const receipt = await write(client, dev[1], {
      address: governor,
      abi: gov,
      functionName: "castVote",
      args: [id, 1],
    });
    const extended = await read<bigint>(governor, gov, "proposalDeadline", [id]);
    expect(extended).toBe(receipt.blockNumber + BigInt(dao.lateQuorumVoteExtension));
    expect(extended).toBeGreaterThan(deadline);
    expect(await read(governor, gov, "proposalVotes", [id])).toEqual([0n, 4n, 0n]);

    await client.mine({ blocks: Number(deadline - receipt.blockNumber) + 1 });
    expect(await read(governor, gov, "state", [id])).toBe(State.Active); // past the original deadline
    await client.mine({ blocks: dao.lateQuorumVoteExtension });
    expect(await read(governor, gov, "state", [id])).toBe(State.Succeeded);

    const descriptionHash = keccak256(stringToHex(description));
    await write(client, dev[5], {
      address: governor,
      abi: gov,
      functionName: "queue",
      args: [...content, descriptionHash],
    });
    await passSeconds(dao.settings.timelockDelay + 1);
    await write(client, dev[5], {
      address: governor,
      abi: gov,
      functionName: "execute",
      args: [...content, descriptionHash],
    });
    expect(await read(governor, gov, "state", [id])).toBe(State.Executed);
    expect(await client.getBalance({ address: recipient })).toBe(parseEther("1"));
  });

  it("bravo: propose with signatures, queue and execute by id, and Expired after the grace period", async () => {
    const dao = await deployBravo(anvil.rpcUrl);
    const { governor, token, timelock } = dao;
    const gov = bravoGovernorAbi;
    const units = (whole: string) => parseUnits(whole, 18);

    expect(await read(governor, gov, "CLOCK_MODE")).toBe("mode=blocknumber&from=default");
    expect(await read(governor, gov, "COUNTING_MODE")).toBe("support=bravo&quorum=bravo");
    expect(await read(timelock, bravoTimelockAbi, "GRACE_PERIOD")).toBe(BigInt(bravoGracePeriod));
    expect(await read(timelock, bravoTimelockAbi, "admin")).toBe(governor);
    expect(await read(governor, gov, "timelock")).toBe(timelock);
    const head = await client.getBlockNumber();
    await client.mine({ blocks: 1 });
    expect(await read(token, bravoTokenAbi, "getPriorVotes", [dev[1], head])).toBe(units("300000"));
    expect(await read(governor, gov, "quorumVotes")).toBe(units("40000")); // 4 % of 1M
    expect(await read(token, bravoTokenAbi, "balanceOf", [dev[4]])).toBe(units("10000"));
    expect(await read(token, bravoTokenAbi, "getCurrentVotes", [dev[4]])).toBe(0n);

    const recipient = getAddress("0x00000000000000000000000000000000000f1a03");
    const payment = encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [recipient, units("1000")]);
    const bravoPropose = (description: string) =>
      propose(dev[2], governor, gov, [[token], [0n], ["transfer(address,uint256)"], [payment], description]);
    const passAndQueue = async (id: bigint) => {
      await client.mine({ blocks: dao.settings.votingDelay + 1 });
      expect(await read(governor, gov, "state", [id])).toBe(State.Active);
      await write(client, dev[1], { address: governor, abi: gov, functionName: "castVote", args: [id, 1] });
      await client.mine({ blocks: dao.settings.votingPeriod });
      expect(await read(governor, gov, "state", [id])).toBe(State.Succeeded);
      await write(client, dev[5], { address: governor, abi: gov, functionName: "queue", args: [id] });
      expect(await read(governor, gov, "state", [id])).toBe(State.Queued);
    };

    const id = await bravoPropose("# Pay 1,000 CBRV\n\nA transfer from the treasury, proposed with a signature.");
    const [targets, , signatures, calldatas] = await read<readonly [Address[], bigint[], string[], string[]]>(
      governor,
      gov,
      "getActions",
      [id],
    );
    expect(targets).toEqual([token]);
    expect(signatures).toEqual(["transfer(address,uint256)"]);
    expect(calldatas).toEqual([payment]);
    await passAndQueue(id);
    const receipt = await read<{ hasVoted: boolean; support: number; votes: bigint }>(governor, gov, "getReceipt", [
      id,
      dev[1],
    ]);
    expect(receipt).toEqual({ hasVoted: true, support: 1, votes: units("300000") });
    const proposal = await read<readonly bigint[]>(governor, gov, "proposals", [id]);
    expect(proposal[5]).toBe(units("300000")); // forVotes
    expect(proposal[2]).toBeGreaterThan(0n); // eta

    await passSeconds(dao.settings.timelockDelay + 1);
    await write(client, dev[5], { address: governor, abi: gov, functionName: "execute", args: [id] });
    expect(await read(governor, gov, "state", [id])).toBe(State.Executed);
    expect(await read(token, bravoTokenAbi, "balanceOf", [recipient])).toBe(units("1000"));

    // Queued but never executed within the grace period: Expired, and execute is refused.
    const stale = await bravoPropose("# Pay 1,000 CBRV again\n\nNobody will execute this one in time.");
    await passAndQueue(stale);
    await passSeconds(dao.settings.timelockDelay + bravoGracePeriod + 1);
    expect(await read(governor, gov, "state", [stale])).toBe(State.Expired);
    await expect(
      client.simulateContract({ address: governor, abi: gov, functionName: "execute", args: [stale], account: dev[5] }),
    ).rejects.toThrow(/proposal not successful/);
  });
});
