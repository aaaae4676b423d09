/**
 * A discussion link added by a proposer that is a smart-contract wallet (EIP-1271, like a Safe):
 * the signature is checked through the chain, as the app does (viem `verifyMessage` on the DAO's
 * public client), against a real anvil with a minimal owner-signs wallet deployed. Its owner's
 * signature is accepted; anyone else's is refused.
 */
import { type Address, createPublicClient, createWalletClient, getAddress, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startAnvil } from "../../../harness/anvil";
import { compileOwnerWallet } from "../../../harness/standIns/ownerWallet";
import { createTestStore } from "../../../harness/testStore";
import { discussionLinkMessage } from "../../proposals/discussionLinks";
import { anvilKeys } from "../auth/testing";
import type { StoreBackend } from "../store/types";
import { addDiscussionLink, type DiscussionLinkDeps } from "./discussionLinksApi";

const owner = privateKeyToAccount(anvilKeys[1]);
const stranger = privateKeyToAccount(anvilKeys[2]);
const governor = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("discussion links from a contract wallet (EIP-1271)", () => {
  let anvil: Awaited<ReturnType<typeof startAnvil>>;
  let store: StoreBackend;
  let deps: DiscussionLinkDeps;
  let wallet: Address;

  beforeAll(async () => {
    anvil = await startAnvil({ port: await freePort() });
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    const { abi, bytecode } = compileOwnerWallet();
    const deployer = createWalletClient({
      account: privateKeyToAccount(anvilKeys[0]),
      chain: foundry,
      transport: http(anvil.rpcUrl),
    });
    const hash = await deployer.deployContract({ abi, bytecode, args: [owner.address] });
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error("wallet not deployed");
    wallet = getAddress(receipt.contractAddress);
    store = await createTestStore("pglite");
    deps = {
      store,
      dao: () => ({ chainId: foundry.id, governor, forumHosts: [] }),
      // The contract wallet proposed it.
      proposer: async () => wallet,
      verify: (_slug, args) => client.verifyMessage(args),
      rateLimit: async () => undefined,
    };
  });
  afterAll(async () => {
    await store?.close();
    await anvil?.stop();
  });

  it("accepts the wallet owner's signature and refuses anyone else's", async () => {
    const url = "https://forum.example.org/t/safe-proposal/1";
    const message = discussionLinkMessage({ slug: "commons", chainId: foundry.id, governor, proposalId: "9", url });
    const post = async (signature: Hex) =>
      addDiscussionLink(
        deps,
        new Request("http://commons.test/api/daos/commons/proposals/9/discussion-links", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ url, signature }),
        }),
        "commons",
        "9",
      );
    const refused = await post(await stranger.signMessage({ message }));
    expect(refused.status).toBe(403);
    const accepted = await post(await owner.signMessage({ message }));
    expect(accepted.status).toBe(201);
    const { links } = (await accepted.json()) as { links: { url: string; signer: string }[] };
    expect(links).toEqual([expect.objectContaining({ url, signer: wallet.toLowerCase() })]);
  });
});
