import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { hashProposal, type ProposalContent } from "./hashProposal";
import { verifyProposalId } from "./verifyProposalId";

// Ids computed by the demo DAO's governor (OpenZeppelin 5 `hashProposal`) on anvil, for this content.
const vectors: { content: ProposalContent; id: bigint }[] = [
  {
    content: {
      targets: ["0x000000000000000000000000000000000000dEaD"],
      values: [1n],
      calldatas: ["0x"],
      description: "# Commons test vector",
    },
    id: 83053169213762569246957904654426673989697646727410917402265354900691354808607n,
  },
  {
    content: {
      targets: ["0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
      values: [0n, 4n * 10n ** 18n],
      calldatas: [
        "0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000000000001176592e00",
        "0x",
      ],
      description: "# Pay\n\nTwo actions, unicode: ünïcødé ✓\u202e",
    },
    id: 14153986582478443756853041376455263332415404165535934010067348835797152838405n,
  },
];

describe("hashProposal", () => {
  it.each(vectors.map((vector, index) => [index, vector] as const))(
    "matches the governor's hashProposal (#%i)",
    (_, vector) => {
      expect(hashProposal(vector.content)).toBe(vector.id);
    },
  );

  it("changes with any part of the content", () => {
    const [{ content, id }] = vectors as [(typeof vectors)[number]];
    expect(hashProposal({ ...content, description: `${content.description} ` })).not.toBe(id);
    expect(hashProposal({ ...content, values: [2n] })).not.toBe(id);
    expect(hashProposal({ ...content, calldatas: ["0x00"] })).not.toBe(id);
    expect(hashProposal({ ...content, targets: ["0x000000000000000000000000000000000000bEEF"] })).not.toBe(id);
  });
});

describe("verifyProposalId", () => {
  const [{ content, id }] = vectors as [(typeof vectors)[number]];

  it("verifies an id that is the hash of the content", () => {
    expect(verifyProposalId(id, content)).toEqual({ status: "verified", computed: id });
  });

  it("reports a hash-sized id that does not match as a mismatch", () => {
    const check = verifyProposalId(id, { ...content, description: "# Something else" });
    expect(check.status).toBe("mismatch");
    expect(check.computed).not.toBe(id);
  });

  it("treats a small id that does not match as sequential (GovernorBravo)", () => {
    expect(verifyProposalId(42n, content).status).toBe("sequential");
  });

  it("does not throw on content that cannot be encoded", () => {
    const broken = { ...content, targets: ["0x1234" as Address], calldatas: ["0xzz" as Hex] };
    expect(verifyProposalId(id, broken).status).toBe("mismatch");
  });
});
