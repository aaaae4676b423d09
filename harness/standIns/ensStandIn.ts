/**
 * Test helper: ENS on a local anvil started with chain id 1. Puts the EnsStandIn contract
 * (contracts/testing/EnsStandIn.sol, a stand-in for ENS's Universal Resolver) at the address
 * viem's mainnet entry calls, so a mainnet client pointed at that anvil resolves names exactly as
 * it would on Ethereum, from records the test writes: a primary name (reverse record), the
 * address the name resolves to (forward record) and text records such as the avatar.
 */
import { type Address, createWalletClient, type Hash, http, namehash, publicActions } from "viem";
import { mainnet } from "viem/chains";
import { ensStandInAbi, ensStandInDeployedBytecode } from "../../contracts-abi/testing/ensStandIn";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";

export type EnsStandIn = {
  /** Where viem's mainnet entry says the Universal Resolver is (and the stand-in now is). */
  address: Address;
  /**
   * Gives `account` the primary name `name`, resolving forward to `forward` (default: `account`,
   * so the name holds both ways), with an avatar record when given.
   */
  setName(account: Address, name: string, options?: { forward?: Address; avatar?: string }): Promise<void>;
};

async function rpc(url: string, method: string, params: unknown[]): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
}

/**
 * @example
 * const anvil = await startAnvil({ port, chainId: 1 });
 * const ens = await installEnsStandIn(anvil.rpcUrl);
 * await ens.setName(alice, "alice.eth", { avatar: "https://example.org/alice.png" });
 */
export async function installEnsStandIn(rpcUrl: string): Promise<EnsStandIn> {
  const address = mainnet.contracts.ensUniversalResolver.address;
  await rpc(rpcUrl, "anvil_setCode", [address, ensStandInDeployedBytecode]);
  const wallet = createWalletClient({
    account: anvilDevAccounts[0],
    chain: { ...mainnet, rpcUrls: { default: { http: [rpcUrl] } } },
    transport: http(rpcUrl),
  }).extend(publicActions);
  const mined = async (hash: Hash) => {
    await wallet.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  };
  const contract = { address, abi: ensStandInAbi } as const;
  return {
    address,
    async setName(account, name, options = {}) {
      const node = namehash(name);
      await mined(await wallet.writeContract({ ...contract, functionName: "setReverseName", args: [account, name] }));
      await mined(
        await wallet.writeContract({ ...contract, functionName: "setAddr", args: [node, options.forward ?? account] }),
      );
      if (options.avatar !== undefined) {
        await mined(
          await wallet.writeContract({ ...contract, functionName: "setText", args: [node, "avatar", options.avatar] }),
        );
      }
    },
  };
}
