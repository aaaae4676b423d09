/**
 * Who holds what in the demo DAO. Named holders get deterministic addresses derived from their
 * names (no keys exist: the seed sends for them with anvil_impersonateAccount); anvil's dev
 * accounts #0..#9 (default mnemonic) are the e2e test wallets and get fixed roles, documented in
 * scripts/demo/README.md. Amounts are whole COMM; the treasury receives whatever is left.
 */
import { type Address, getAddress, keccak256, parseUnits, stringToHex } from "viem";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";

/** Anvil's dev accounts #0..#9 (default mnemonic): the e2e test wallets. */
export const devAccounts = anvilDevAccounts;

/**
 * The deterministic address of a named demo account ("lina.eth", "grants-multisig"…).
 *
 * @example demoAddress("lina.eth") // always the same 0x… address
 */
export function demoAddress(name: string): Address {
  return getAddress(`0x${keccak256(stringToHex(`commons-demo:${name}`)).slice(-40)}`);
}

/** How a holder uses their votes: themselves, another holder (by name), or not at all. */
export type Delegation = "self" | "never" | { to: string };

/** One COMM holder of the seeded history. */
export type DemoHolder = {
  /** Display name; also the seed of a named holder's address. */
  name: string;
  address: Address;
  /** Whole COMM received from the deployer. */
  comm: number;
  delegation: Delegation;
};

const dev = (index: number): Address => devAccounts[index] as Address;

/**
 * The dev accounts' roles. Tests rely on these, so change them together with the README.
 */
export const devActors = {
  /** #0: deployed every contract; 50,000 COMM, self-delegated; proposed the Pending proposal. */
  deployer: dev(0),
  /** #1: 400,000 COMM self-delegated plus delegations (~442k votes, over the 400k quorum alone); has not voted on the Active proposals. */
  delegate: dev(1),
  /** #2: 5,000 COMM self-delegated; voted For on the Active "delegate code of conduct" proposal. */
  votedDelegate: dev(2),
  /** #3: 20,000 COMM, never delegated (zero votes). */
  undelegatedHolder: dev(3),
  /** #4: 12,000 COMM delegated to #1 (zero votes of its own). */
  delegator: dev(4),
  /** #5: no COMM at all (only anvil's 10,000 ETH). */
  noTokens: dev(5),
  /** #6: 500 COMM self-delegated, below the 1,000 COMM proposal threshold. */
  belowThreshold: dev(6),
} as const;

type HolderSpec = [name: string, comm: number, delegation: Delegation, address?: Address];

const holderSpecs: HolderSpec[] = [
  // Dev accounts (the e2e wallets).
  ["deployer", 50_000, "self", devActors.deployer],
  ["dev-delegate", 400_000, "self", devActors.delegate],
  ["dev-voter", 5_000, "self", devActors.votedDelegate],
  ["dev-holder", 20_000, "never", devActors.undelegatedHolder],
  ["dev-delegator", 12_000, { to: "dev-delegate" }, devActors.delegator],
  ["dev-small", 500, "self", devActors.belowThreshold],
  // Whales and funds.
  ["atlas-ventures", 1_100_000, { to: "lina.eth" }],
  ["commons-foundation", 900_000, "never"],
  ["meridian-capital", 650_000, "self"],
  ["northwind-fund", 400_000, { to: "gov-research" }],
  ["uniswap-comm-eth-pool", 1_200_000, "never"],
  ["exchange-hot-wallet", 900_000, "never"],
  // Active delegates.
  ["lina.eth", 60_000, "self"],
  ["marco.eth", 80_000, "self"],
  ["gov-research", 35_000, "self"],
  ["dao-stewards", 25_000, "self"],
  // The long tail.
  ["alice-builder", 28_000, "self"],
  ["bob-grants", 15_500, { to: "lina.eth" }],
  ["carol-dev", 9_800, { to: "marco.eth" }],
  ["dmitri", 22_000, { to: "gov-research" }],
  ["eun-ji", 4_200, "self"],
  ["farah", 7_750, { to: "dao-stewards" }],
  ["gabriel", 1_250, "self"],
  ["hiro", 640, "never"],
  ["ines", 3_300, { to: "lina.eth" }],
  ["jonas", 18_000, { to: "dev-delegate" }],
  ["kwame", 2_100, { to: "dao-stewards" }],
  ["lucia", 950, "self"],
  ["mateo", 12_400, "self"],
  ["nadia", 5_600, { to: "marco.eth" }],
  ["oskar", 300, "never"],
  ["priya", 31_000, { to: "gov-research" }],
  ["quentin", 2_750, { to: "dev-delegate" }],
  ["rosa", 7_200, "self"],
  ["sven", 480, "never"],
  ["tariq", 14_300, { to: "lina.eth" }],
  ["uma", 1_900, { to: "dao-stewards" }],
  ["victor", 6_050, { to: "marco.eth" }],
  ["wen", 250, "never"],
  ["xena", 3_900, "self"],
  ["yusuf", 9_100, { to: "dev-delegate" }],
  ["zoe", 1_800, "self"],
  ["arjun", 3_100, "self"],
  ["bea", 650, "self"],
  ["mallory", 2_500, "self"],
];

/** Every COMM holder the deployer pays, in payment order. */
export const demoHolders: readonly DemoHolder[] = holderSpecs.map(([name, comm, delegation, address]) => ({
  name,
  address: address ?? demoAddress(name),
  comm,
  delegation,
}));

/**
 * A holder's address by name; throws on a typo so a bad seed fails loudly.
 *
 * @example holderAddress("lina.eth")
 */
export function holderAddress(name: string): Address {
  const holder = demoHolders.find((candidate) => candidate.name === name);
  if (!holder) throw new Error(`unknown demo holder "${name}"`);
  return holder.address;
}

/** Accounts that receive treasury payments in proposals (no COMM of their own). */
export const recipients = {
  grantsMultisig: demoAddress("grants-multisig"),
  contributorAna: demoAddress("contributor-ana"),
  contributorBen: demoAddress("contributor-ben"),
  contributorChen: demoAddress("contributor-chen"),
  auditFirm: demoAddress("audit-firm"),
  liquidityProgram: demoAddress("liquidity-program"),
  stewardsMultisig: demoAddress("stewards-multisig"),
  eventsCommittee: demoAddress("events-committee"),
  meetupOrganizer: demoAddress("meetup-organizer"),
  domainRegistrar: demoAddress("domain-registrar"),
  dashboardBounty: demoAddress("dashboard-bounty"),
} as const;

/** Total COMM supply minted at deployment. */
export const totalSupply = parseUnits("10000000", 18);
