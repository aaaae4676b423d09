/**
 * Links into a DAO's block explorer, whose base comes from `daoExplorerUrl` (lib/chain/daoChain:
 * the config's `explorerUrl`, else the chain's default explorer in viem's table). No explorer, or
 * a value that is not an address or a hash, gives no link.
 */

export type ExplorerTarget = { address: string } | { tx: string } | { block: bigint | number | string };

/**
 * @example
 * explorerUrl("https://etherscan.io", { address: "0x5FbD…0aa3" }) // "https://etherscan.io/address/0x5FbD…0aa3"
 * explorerUrl(undefined, { tx: hash }) // undefined
 */
export function explorerUrl(base: string | undefined, target: ExplorerTarget): string | undefined {
  if (!base) return undefined;
  const root = base.replace(/\/+$/, "");
  if ("address" in target) {
    return /^0x[0-9a-fA-F]{40}$/.test(target.address) ? `${root}/address/${target.address}` : undefined;
  }
  if ("tx" in target) return /^0x[0-9a-fA-F]{64}$/.test(target.tx) ? `${root}/tx/${target.tx}` : undefined;
  const block = String(target.block);
  return /^\d{1,20}$/.test(block) ? `${root}/block/${block}` : undefined;
}
