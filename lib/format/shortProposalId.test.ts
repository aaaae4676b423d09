import { describe, expect, it } from "vitest";
import { shortProposalId } from "./shortProposalId";

describe("shortProposalId", () => {
  it("shortens hash-sized ids", () => {
    const id = "84238167069880296358373524412224936428436498339224585466766290512298604263201";
    expect(shortProposalId(id)).toBe("8423…3201");
    expect(shortProposalId(BigInt(id), 6)).toBe("842381…263201");
  });

  it("keeps counter ids whole", () => {
    expect(shortProposalId(42n)).toBe("42");
    expect(shortProposalId("123456789")).toBe("123456789");
  });
});
