/**
 * Which balances a simulated execution may have changed, so exactly those are read before and
 * after: the treasury's ETH and its balance of every token touched, every address that sent or
 * received ETH, and both sides of every ERC-20 / ERC-721 transfer. Then, from the two reads, the
 * rows a voter sees: the treasury's always, anyone else's when it changed.
 */
import { type Address, getAddress, isAddressEqual, zeroAddress } from "viem";
import type { BalanceChange, SimulatedEvent } from "./types";

export type BalanceSubjects = {
  /** Holders whose ETH to read. */
  native: Address[];
  /** Tokens seen in transfers, each with the holders to read. */
  tokens: { address: Address; standard: "erc20" | "erc721"; holders: Address[] }[];
};

function addUnique(list: Address[], address: Address) {
  if (isAddressEqual(address, zeroAddress)) return;
  if (!list.some((item) => isAddressEqual(item, address))) list.push(getAddress(address.toLowerCase()));
}

/**
 * @example
 * balanceSubjects({ treasury, ethMovers: [treasury, recipient], events })
 * // { native: [treasury, recipient], tokens: [{ address: usdc, standard: "erc20", holders: [treasury, recipient] }] }
 */
export function balanceSubjects(input: {
  treasury: Address;
  ethMovers: readonly Address[];
  events: readonly SimulatedEvent[];
}): BalanceSubjects {
  const native: Address[] = [];
  addUnique(native, input.treasury);
  for (const mover of input.ethMovers) addUnique(native, mover);
  const tokens: BalanceSubjects["tokens"] = [];
  for (const event of input.events) {
    if (event.kind !== "transfer" || !event.standard) continue;
    let token = tokens.find((item) => isAddressEqual(item.address, event.address));
    if (!token) {
      token = { address: event.address, standard: event.standard, holders: [] };
      addUnique(token.holders, input.treasury);
      tokens.push(token);
    }
    if (event.args.from) addUnique(token.holders, event.args.from as Address);
    if (event.args.to) addUnique(token.holders, event.args.to as Address);
  }
  return { native, tokens };
}

/** One balance read before and after (undefined when the read failed). */
export type BalanceReading = { holder: Address; asset: Address | "native"; before?: bigint; after?: bigint };

/**
 * The rows to show: the treasury's for every asset read, anyone else's only when it changed;
 * readings that failed on either side are left out.
 *
 * @example balanceRows(readings, timelock) // [{ holder: timelock, asset: "native", before: "10…", after: "9…", isTreasury: true }, …]
 */
export function balanceRows(readings: readonly BalanceReading[], treasury: Address): BalanceChange[] {
  const rows: BalanceChange[] = [];
  for (const reading of readings) {
    if (reading.before === undefined || reading.after === undefined) continue;
    const isTreasury = isAddressEqual(reading.holder, treasury);
    if (!isTreasury && reading.before === reading.after) continue;
    rows.push({
      holder: reading.holder,
      asset: reading.asset,
      before: reading.before.toString(),
      after: reading.after.toString(),
      isTreasury,
    });
  }
  return rows;
}
