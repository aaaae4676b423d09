import {
  type AbiEvent,
  type Address,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  keccak256,
  maxUint256,
  parseAbiItem,
  stringToHex,
} from "viem";
import { describe, expect, it } from "vitest";
import { decodeSimulationEvent, roleName } from "./decodeSimulationEvent";

const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;
const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as Address;

/** A log as a contract would emit it: topics for the indexed arguments, the rest ABI-encoded as data. */
function log(signature: string, args: Record<string, unknown>, address: Address = token) {
  const item = parseAbiItem(`event ${signature}`) as AbiEvent;
  const topics = encodeEventTopics({ abi: [item], eventName: item.name, args } as never) as Hex[];
  const plain = item.inputs.filter((input) => !input.indexed);
  const data = encodeAbiParameters(
    plain,
    plain.map((input) => args[input.name ?? ""]),
  );
  return { address, topics, data };
}

describe("decodeSimulationEvent", () => {
  it("tells an ERC-20 transfer from an ERC-721 transfer by the indexed topics", () => {
    const erc20 = decodeSimulationEvent(
      log("Transfer(address indexed from, address indexed to, uint256 value)", { from: alice, to: bob, value: 5n }),
    );
    expect(erc20).toMatchObject({
      name: "Transfer",
      kind: "transfer",
      standard: "erc20",
      args: { from: alice, to: bob, value: "5" },
    });
    const erc721 = decodeSimulationEvent(
      log("Transfer(address indexed from, address indexed to, uint256 indexed tokenId)", {
        from: alice,
        to: bob,
        tokenId: 7n,
      }),
    );
    expect(erc721).toMatchObject({ kind: "transfer", standard: "erc721", args: { tokenId: "7" } });
  });

  it("decodes approvals, role grants, ownership, upgrades and parameter changes", () => {
    expect(
      decodeSimulationEvent(
        log("Approval(address indexed owner, address indexed spender, uint256 value)", {
          owner: alice,
          spender: bob,
          value: maxUint256,
        }),
      ),
    ).toMatchObject({ kind: "approval", standard: "erc20", args: { value: maxUint256.toString() } });
    const proposer = keccak256(stringToHex("PROPOSER_ROLE"));
    const granted = decodeSimulationEvent(
      log("RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)", {
        role: proposer,
        account: bob,
        sender: alice,
      }),
    );
    expect(granted).toMatchObject({ name: "RoleGranted", kind: "role", args: { role: proposer, account: bob } });
    expect(roleName(granted.args.role ?? "")).toBe("PROPOSER_ROLE");
    expect(
      decodeSimulationEvent(
        log("OwnershipTransferred(address indexed previousOwner, address indexed newOwner)", {
          previousOwner: alice,
          newOwner: bob,
        }),
      ),
    ).toMatchObject({ kind: "ownership", args: { newOwner: bob } });
    expect(
      decodeSimulationEvent(log("Upgraded(address indexed implementation)", { implementation: bob })),
    ).toMatchObject({ kind: "upgrade", name: "Upgraded", args: { implementation: bob } });
    expect(
      decodeSimulationEvent(
        log("VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod)", {
          oldVotingPeriod: 60n,
          newVotingPeriod: 120n,
        }),
      ),
    ).toMatchObject({ kind: "parameter", args: { oldVotingPeriod: "60", newVotingPeriod: "120" } });
    // Compound's Timelock indexes its new delay; OpenZeppelin's TimelockController does not.
    expect(decodeSimulationEvent(log("NewDelay(uint256 indexed newDelay)", { newDelay: 172800n }))).toMatchObject({
      kind: "parameter",
      args: { newDelay: "172800" },
    });
  });

  it("keeps an unknown event unknown, and one whose data does not fit its signature too", () => {
    const unknown = decodeSimulationEvent(log("Poked(uint256 times)", { times: 3n }));
    expect(unknown).toMatchObject({ name: null, kind: "other", args: {} });
    expect(unknown.topic0).toMatch(/^0x[0-9a-f]{64}$/);
    // A "Transfer" with the ERC-20 topics but no data: not decodable, so not a transfer.
    const broken = log("Transfer(address indexed from, address indexed to, uint256 value)", {
      from: alice,
      to: bob,
      value: 1n,
    });
    expect(decodeSimulationEvent({ ...broken, data: "0x" })).toMatchObject({ name: null, kind: "other" });
  });

  it("names the common roles and leaves others as their hash", () => {
    expect(roleName(`0x${"00".repeat(32)}`)).toBe("DEFAULT_ADMIN_ROLE");
    expect(roleName(keccak256(stringToHex("CANCELLER_ROLE")))).toBe("CANCELLER_ROLE");
    const other = keccak256(stringToHex("SOMETHING_ELSE"));
    expect(roleName(other)).toBe(other);
  });
});
