/**
 * The DAO's early days: the deployer pays COMM out to every holder and the rest to the treasury,
 * the treasury receives ETH, mUSDC and mWETH, holders delegate, and later a few of them move
 * tokens and change delegates (so the history has re-delegations and vote-power changes).
 */
import { type Address, parseEther, parseUnits } from "viem";
import { demoTokenAbi } from "../../contracts-abi/demoToken";
import { mockErc20Abi } from "../../contracts-abi/mockErc20";
import { type DemoHolder, demoHolders, devActors, holderAddress, totalSupply } from "./actors";
import type { DemoContracts } from "./proposals";
import type { SeedSession } from "./seedSession";

const comm = (whole: number) => parseUnits(String(whole), 18);

/** The treasury's COMM: the supply minus what the holders receive. */
export const treasuryComm = totalSupply - demoHolders.reduce((sum, holder) => sum + comm(holder.comm), 0n);

/** The treasury's other assets at the start (proposals then spend some of them). */
export const treasuryFunding = {
  ethFromDeployer: parseEther("150"),
  ethFromFoundation: parseEther("100"),
  musdc: parseUnits("2750000", 6),
  mweth: parseUnits("400", 18),
} as const;

function delegateeOf(holder: DemoHolder): Address | undefined {
  if (holder.delegation === "never") return undefined;
  if (holder.delegation === "self") return holder.address;
  return holderAddress(holder.delegation.to);
}

/**
 * Pays out COMM, funds the treasury and has holders delegate, over a few blocks starting at
 * `timestamp`, `step` seconds apart.
 *
 * @example
 * await distributeTokens(session, contracts, setupTimestamp + 3600, 3600);
 */
export async function distributeTokens(
  session: SeedSession,
  contracts: DemoContracts,
  timestamp: number,
  step: number,
): Promise<void> {
  const deployer = devActors.deployer;
  const token = { address: contracts.token, abi: demoTokenAbi } as const;
  const recipients = demoHolders.filter((holder) => holder.address !== deployer);

  // Whales and funds first, then the long tail: two payout blocks, as an airdrop script would.
  const [first, second] = [recipients.slice(0, 16), recipients.slice(16)];
  for (const batch of [first, second]) {
    for (const holder of batch ?? []) {
      await session.write(
        { ...token, from: deployer, functionName: "transfer", args: [holder.address, comm(holder.comm)] },
        `pay ${holder.name}`,
      );
    }
    await session.mine(timestamp);
    timestamp += step;
  }

  await session.write(
    { ...token, from: deployer, functionName: "transfer", args: [contracts.timelock, treasuryComm] },
    "fund treasury COMM",
  );
  const tokenCall = { from: deployer, abi: mockErc20Abi, functionName: "transfer" } as const;
  await session.write(
    { ...tokenCall, address: contracts.musdc, args: [contracts.timelock, treasuryFunding.musdc] },
    "fund treasury mUSDC",
  );
  await session.write(
    { ...tokenCall, address: contracts.mweth, args: [contracts.timelock, treasuryFunding.mweth] },
    "fund treasury mWETH",
  );
  await session.send("fund treasury ETH", {
    from: deployer,
    to: contracts.timelock,
    value: treasuryFunding.ethFromDeployer,
  });
  const foundation = holderAddress("commons-foundation");
  await session.impersonate(foundation, treasuryFunding.ethFromFoundation + parseEther("5"));
  await session.send("foundation ETH donation", {
    from: foundation,
    to: contracts.timelock,
    value: treasuryFunding.ethFromFoundation,
  });
  await session.mine(timestamp);
  timestamp += step;

  // Delegations trickle in over the next blocks.
  const delegating = demoHolders.filter((holder) => delegateeOf(holder) !== undefined);
  for (const [index, holder] of delegating.entries()) {
    const delegatee = delegateeOf(holder) as Address;
    await session.impersonate(holder.address);
    await session.write(
      { ...token, from: holder.address, functionName: "delegate", args: [delegatee] },
      `delegate ${holder.name}`,
    );
    if (index % 8 === 7) {
      await session.mine(timestamp);
      timestamp += Math.round(step / 2);
    }
  }
  await session.mine(timestamp);
}

/**
 * Mid-history changes: a whale sells into the pool (its delegate loses votes) and a small holder
 * moves their delegation to another delegate.
 *
 * @example
 * await reshuffleHoldings(session, contracts, timestamp);
 */
export async function reshuffleHoldings(
  session: SeedSession,
  contracts: DemoContracts,
  timestamp: number,
): Promise<void> {
  const token = { address: contracts.token, abi: demoTokenAbi } as const;
  for (const name of ["atlas-ventures", "exchange-hot-wallet", "carol-dev"])
    await session.impersonate(holderAddress(name));
  await session.write(
    {
      ...token,
      from: holderAddress("atlas-ventures"),
      functionName: "transfer",
      args: [holderAddress("uniswap-comm-eth-pool"), comm(100_000)],
    },
    "atlas sells 100k COMM",
  );
  await session.write(
    {
      ...token,
      from: holderAddress("exchange-hot-wallet"),
      functionName: "transfer",
      args: [holderAddress("oskar"), comm(5_000)],
    },
    "oskar buys 5k COMM",
  );
  await session.mine(timestamp);
  await session.write(
    { ...token, from: holderAddress("carol-dev"), functionName: "delegate", args: [holderAddress("gov-research")] },
    "carol re-delegates to gov-research",
  );
  await session.mine(timestamp + 7200);
}
