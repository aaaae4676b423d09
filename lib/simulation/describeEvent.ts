/**
 * One decoded event of a simulation in words, for the report's list of what each action did:
 * amounts with the token's symbol and decimals, roles by name, addresses by label. Unknown events
 * are named by their contract and topic only.
 */
import type { Address } from "viem";
import { assetIn, formatAssetAmount, isUnlimitedAmount } from "./assets";
import { roleName } from "./decodeSimulationEvent";
import type { SimulatedAsset, SimulatedEvent } from "./types";

/** How to name an address ("the timelock (0xe7f1…0512)", or the address itself). */
export type NameAddress = (address: Address) => string;

/**
 * @example
 * describeEvent(transfer, assets, name) // "Transfer of 1,000 mUSDC from the timelock (0xe7f1…0512) to 0xBEEF…"
 */
export function describeEvent(event: SimulatedEvent, assets: readonly SimulatedAsset[], name: NameAddress): string {
  const a = event.args;
  const addr = (key: string) => (a[key] ? name(a[key] as Address) : "?");
  const asset = assetIn(assets, event.address);
  const token = asset?.symbol ?? name(event.address);
  switch (event.name) {
    case "Transfer":
      return event.standard === "erc721"
        ? `Transfer of ${token} NFT #${a.tokenId} from ${addr("from")} to ${addr("to")}`
        : `Transfer of ${asset ? formatAssetAmount(BigInt(a.value ?? "0"), asset) : `${a.value} (${token})`} from ${addr("from")} to ${addr("to")}`;
    case "Approval":
      if (event.standard === "erc721") return `Approval of ${token} NFT #${a.tokenId} to ${addr("approved")}`;
      return `Approval: ${addr("spender")} may spend ${
        isUnlimitedAmount(BigInt(a.value ?? "0"))
          ? `an unlimited amount of ${token}`
          : asset
            ? formatAssetAmount(BigInt(a.value ?? "0"), asset)
            : `${a.value} (${token})`
      } of ${addr("owner")}`;
    case "ApprovalForAll":
      return `${a.approved === "true" ? "Approval" : "Withdrawn approval"} for all of ${addr("owner")}’s ${token} NFTs to ${addr("operator")}`;
    case "RoleGranted":
      return `${name(event.address)} grants ${roleName(a.role ?? "")} to ${addr("account")}`;
    case "RoleRevoked":
      return `${name(event.address)} revokes ${roleName(a.role ?? "")} from ${addr("account")}`;
    case "RoleAdminChanged":
      return `${name(event.address)}: ${roleName(a.role ?? "")} is now administered by ${roleName(a.newAdminRole ?? "")}`;
    case "OwnershipTransferred":
      return `Ownership of ${name(event.address)} moves from ${addr("previousOwner")} to ${addr("newOwner")}`;
    case "OwnershipTransferStarted":
      return `Ownership of ${name(event.address)} offered to ${addr("newOwner")}`;
    case "NewAdmin":
      return `${name(event.address)}: new admin ${addr("newAdmin")}`;
    case "NewPendingAdmin":
      return `${name(event.address)}: pending admin ${addr("newPendingAdmin")}`;
    case "Upgraded":
      return `${name(event.address)} is upgraded to the implementation ${addr("implementation")}`;
    case "BeaconUpgraded":
      return `${name(event.address)} now follows the beacon ${addr("beacon")}`;
    case "AdminChanged":
      return `${name(event.address)}: proxy admin ${addr("previousAdmin")} → ${addr("newAdmin")}`;
    case "NewImplementation":
      return `${name(event.address)}: implementation ${addr("oldImplementation")} → ${addr("newImplementation")}`;
    case "TimelockChange":
      return `${name(event.address)}: timelock ${addr("oldTimelock")} → ${addr("newTimelock")}`;
    case "DelegateChanged":
      return `${addr("delegator")} delegates to ${addr("toDelegate")} (was ${addr("fromDelegate")})`;
    case "DelegateVotesChanged":
      return `Votes of ${addr("delegate")}: ${a.previousVotes} → ${a.newVotes}`;
    case null:
      return `An event Commons does not know from ${name(event.address)} (${event.topic0 ?? "no topic"})`;
    default: {
      const values = Object.entries(a).map(([key, value]) => `${key} ${value}`);
      return `${event.name} by ${name(event.address)}${values.length ? `: ${values.join(", ")}` : ""}`;
    }
  }
}
