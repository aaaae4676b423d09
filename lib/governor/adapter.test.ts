/**
 * The governor adapter and the revert explanations against the real demo contracts on anvil:
 * every call the write flows build (delegate, propose, vote, queue, execute, cancel) lands, and
 * every call the contracts refuse is explained in words a voter can act on.
 */
import { type Address, createTestClient, getAddress, http, parseEther, publicActions, walletActions } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../harness/anvil";
import { type DemoChain, startDemoChain } from "../../harness/demoChain";
import { explainTxError } from "../tx/explainTxError";
import { type ContractWrite, type GovernorAdapter, governorAdapter, type ProposalContent, readResult } from "./adapter";

let demo: DemoChain;
let adapter: GovernorAdapter;
let client: ReturnType<typeof makeClient>;

function makeClient(rpcUrl: string) {
  return createTestClient({ mode: "anvil", chain: foundry, transport: http(rpcUrl), cacheTime: 0 })
    .extend(publicActions)
    .extend(walletActions);
}

beforeAll(async () => {
  demo = await startDemoChain({ port: await freePort(), log: () => undefined });
  adapter = governorAdapter(demo.deployment);
  client = makeClient(demo.rpcUrl);
});

afterAll(async () => {
  await demo?.anvil.stop();
});

/** Simulates like the app does (from the account), then sends and waits for the receipt. */
async function send(account: Address, write: ContractWrite) {
  const { request } = await client.simulateContract({ ...write, account } as never);
  const hash = await client.writeContract(request as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
}

/** What the app would tell the user when simulating `write` from `account`. */
async function refusal(account: Address, write: ContractWrite): Promise<string> {
  const error = await client.simulateContract({ ...write, account } as never).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, "the contract should refuse this call").toBeDefined();
  return explainTxError(error, adapter.errorAbi).message;
}

async function read<T>(call: ReturnType<GovernorAdapter["state"]>): Promise<T> {
  return (await client.readContract(call as never)) as T;
}

async function mine(blocks: number) {
  await client.mine({ blocks });
}

describe("governorAdapter (OpenZeppelin) on the demo DAO", () => {
  it("runs a proposal from delegation to execution, and explains each refusal on the way", async () => {
    const { actors, timelock, settings } = demo.deployment;
    const snapshot = await client.snapshot();
    try {
      // An undelegated holder counts for nothing until it delegates to itself.
      const holder = actors.undelegatedHolder;
      expect(await read<bigint>(adapter.votesNow(holder))).toBe(0n);
      await send(holder, adapter.delegate(holder));
      expect(await read<bigint>(adapter.votesNow(holder))).toBe(await read<bigint>(adapter.balanceOf(holder)));
      expect(getAddress(await read<Address>(adapter.delegates(holder)))).toBe(getAddress(holder));

      // Below the threshold, propose is refused in words.
      const recipient = getAddress("0x00000000000000000000000000000000000b0b01");
      const content: ProposalContent = {
        targets: [recipient],
        values: [parseEther("1.5")],
        calldatas: ["0x"],
        description: `# Adapter test ${Date.now()}\n\nSend 1.5 ETH.`,
      };
      expect(await refusal(actors.belowThreshold, adapter.propose(content))).toBe(
        "Your voting power is below the proposal threshold, so the governor will not accept a proposal from you.",
      );

      await mine(1); // the holder's new votes must be in the past for the threshold check
      const created = await send(holder, adapter.propose(content));
      const log = created.logs.find((entry) => getAddress(entry.address) === getAddress(demo.deployment.governor));
      expect(log).toBeDefined();
      const proposalId = BigInt(log?.data.slice(0, 66) ?? "0x0");
      expect(await read<number>(adapter.state(proposalId))).toBe(0); // Pending

      // The same proposal twice is refused, naming the state.
      expect(await refusal(holder, adapter.propose(content))).toBe(
        "A proposal with exactly these actions and this description already exists (it is Pending). Change the description to propose it again.",
      );
      // Voting before the snapshot is refused.
      expect(await refusal(actors.delegate, adapter.castVote(proposalId, 1))).toBe(
        "The proposal is Pending; this needs it to be Active.",
      );
      // Only the proposer may cancel.
      expect(await refusal(actors.delegate, adapter.cancel(proposalId, content))).toBe(
        "Only the proposer can cancel, and only before voting starts.",
      );

      await mine(settings.votingDelay + 1);
      expect(await read<number>(adapter.state(proposalId))).toBe(1); // Active
      await send(actors.delegate, adapter.castVote(proposalId, 1, "Fund it"));
      await send(holder, adapter.castVote(proposalId, 2));
      expect(await read<boolean>(adapter.hasVoted(proposalId, actors.delegate))).toBe(true);
      // The tallies read through the adapter are the delegate's For and the holder's Abstain.
      const snapshot = await read<bigint>(adapter.proposalSnapshot(proposalId));
      const tallyRead = adapter.proposalVotes(proposalId);
      expect(readResult(tallyRead, await read(tallyRead))).toEqual({
        againstVotes: 0n,
        forVotes: await read<bigint>(adapter.votesAt(actors.delegate, snapshot)),
        abstainVotes: await read<bigint>(adapter.votesAt(holder, snapshot)),
      });
      expect(await refusal(actors.delegate, adapter.castVote(proposalId, 0))).toBe(
        "This account has already voted on this proposal.",
      );

      await mine(settings.votingPeriod);
      expect(await read<number>(adapter.state(proposalId))).toBe(4); // Succeeded
      expect(await refusal(holder, adapter.execute(proposalId, content))).toBe(
        "The proposal is Succeeded; this needs it to be Queued.",
      );
      await send(holder, adapter.queue(proposalId, content));
      expect(await read<number>(adapter.state(proposalId))).toBe(5); // Queued
      const eta = await read<bigint>(adapter.proposalEta(proposalId));
      expect(eta).toBeGreaterThan(0n);
      // Before the ETA the timelock refuses.
      expect(await refusal(holder, adapter.execute(proposalId, content))).toMatch(
        /^The timelock refused: the operation/,
      );

      await client.setNextBlockTimestamp({ timestamp: eta });
      await mine(1);
      const before = await client.getBalance({ address: recipient });
      await send(holder, adapter.execute(proposalId, content));
      expect(await read<number>(adapter.state(proposalId))).toBe(7); // Executed
      expect((await client.getBalance({ address: recipient })) - before).toBe(parseEther("1.5"));
      expect(timelock).toBeDefined();
    } finally {
      await client.revert({ id: snapshot });
    }
  });

  it("lets the proposer cancel a pending proposal", async () => {
    const { actors } = demo.deployment;
    const snapshot = await client.snapshot();
    try {
      const content: ProposalContent = {
        targets: [actors.noTokens],
        values: [0n],
        calldatas: ["0x"],
        description: "# Cancel me\n\nA proposal that is withdrawn.",
      };
      const receipt = await send(actors.deployer, adapter.propose(content));
      const log = receipt.logs.find((entry) => getAddress(entry.address) === getAddress(demo.deployment.governor));
      const proposalId = BigInt(log?.data.slice(0, 66) ?? "0x0");
      await send(actors.deployer, adapter.cancel(proposalId, content));
      expect(await read<number>(adapter.state(proposalId))).toBe(2); // Canceled
    } finally {
      await client.revert({ id: snapshot });
    }
  });
});
