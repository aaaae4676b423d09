/**
 * detectGovernor against real contracts on anvil: the demo DAO (OpenZeppelin 5, block clock,
 * ERC20Votes, TimelockController), and contracts that are not governors.
 */
import { type Address, createPublicClient, getAddress, http, type PublicClient } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../harness/anvil";
import { type DemoChain, startDemoChain } from "../../harness/demoChain";
import { clearGovernorFlavourCache, detectGovernor } from "./detect";
import { governorAdapterFor } from "./families";

let demo: DemoChain;
let client: PublicClient;

beforeAll(async () => {
  demo = await startDemoChain({ port: await freePort(), log: () => undefined });
  client = createPublicClient({ chain: foundry, transport: http(demo.rpcUrl) });
});

afterAll(async () => {
  await demo?.anvil.stop();
});

describe("detectGovernor", () => {
  it("recognises the demo DAO: OpenZeppelin 5, block clock, ERC20Votes, OpenZeppelin timelock", async () => {
    clearGovernorFlavourCache();
    const { governor, token, timelock } = demo.deployment;
    const flavour = await detectGovernor(client, governor);
    expect(flavour).toMatchObject({
      chainId: 31337,
      governor: getAddress(governor),
      supported: true,
      family: "openzeppelin",
      clockMode: "mode=blocknumber&from=default",
      clock: "blocknumber",
      hasClock: true,
      countingMode: "support=bravo&quorum=for,abstain",
      fractional: false,
      lateQuorum: false,
      lateQuorumExtension: null,
      timelock: { kind: "openzeppelin", address: getAddress(timelock), minDelaySeconds: 120 },
      token: { kind: "erc20votes", address: getAddress(token), decimals: 18, votes: "getPastVotes" },
      missing: [],
    });
    expect(flavour.name).toBeTruthy();
    expect(flavour.token?.symbol).toBeTruthy();
    // JSON-safe: a server page can hand it to a client island.
    expect(JSON.parse(JSON.stringify(flavour))).toEqual(flavour);

    // Cached per (chain, address): the second probe is the same answer without RPC calls.
    expect(await detectGovernor(client, governor.toLowerCase() as Address)).toBe(flavour);

    // The picked adapter reads the demo's state like governorAdapter does.
    const adapter = governorAdapterFor(flavour, demo.deployment);
    const id = BigInt(demo.deployment.proposals[0]?.id ?? 0);
    expect(typeof (await client.readContract(adapter.state(id) as never))).toBe("number");
    expect(await client.readContract(adapter.clock?.() as never)).toBeGreaterThan(0);
  });

  it("probes with single calls where the chain has no Multicall3, with the same answer", async () => {
    const noMulticall = createPublicClient({
      chain: { ...foundry, contracts: { multicall3: { address: "0x000000000000000000000000000000000000dEaD" } } },
      transport: http(demo.rpcUrl),
    });
    clearGovernorFlavourCache();
    const single = await detectGovernor(noMulticall, demo.deployment.governor);
    clearGovernorFlavourCache();
    expect(await detectGovernor(client, demo.deployment.governor)).toEqual(single);
  });

  it("names what is missing for a contract that is not a governor", async () => {
    const erc20 = demo.deployment.tokens.musdc;
    const flavour = await detectGovernor(client, erc20);
    expect(flavour.supported).toBe(false);
    expect(flavour.family).toBeNull();
    const capabilities = flavour.missing.map((m) => m.capability);
    expect(capabilities).toEqual(
      expect.arrayContaining([
        "state(uint256)",
        "votingDelay()",
        "votingPeriod()",
        "proposalThreshold()",
        "family",
        "token()",
      ]),
    );
    expect(flavour.missing.find((m) => m.capability === "state(uint256)")?.message).toMatch(/^no state\(uint256\)/);
    expect(flavour.missing.find((m) => m.capability === "token()")?.message).toMatch(/^no token\(\)/);
  });

  it("names a token that is not a votes token, and an address without code", async () => {
    const flavour = await detectGovernor(client, demo.deployment.governor, { token: demo.deployment.tokens.musdc });
    expect(flavour.family).toBe("openzeppelin");
    expect(flavour.supported).toBe(false);
    expect(flavour.missing.map((m) => m.capability)).toEqual(["token votes", "token delegates"]);
    expect(flavour.missing[0]?.message).toMatch(/has no getPastVotes\(address,uint256\) nor getPriorVotes/);

    const empty = await detectGovernor(client, demo.deployment.actors.noTokens);
    expect(empty.supported).toBe(false);
    expect(empty.missing).toEqual([
      {
        capability: "code",
        message: `There is no contract at ${getAddress(demo.deployment.actors.noTokens)} on chain 31337.`,
      },
    ]);
  });
});
