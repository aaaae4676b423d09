/**
 * GovernorBravo's way of stating an action: a function signature ("transfer(address,uint256)")
 * next to calldata holding only the ABI-encoded arguments. Compound's Timelock (and OpenZeppelin's
 * GovernorCompatibilityBravo) run `bytes4(keccak256(signature)) ++ calldata` when the signature is
 * set, and the calldata as it is when it is "".
 *
 * The propose form proposes Bravo-family DAOs' known-function actions that way (a reader of the
 * proposal on Etherscan or Tally sees the function by name); whatever hashes or simulates a
 * proposal (OpenZeppelin's hashProposal, an action's eth_call from the timelock) needs the calldata
 * as it will run: `executedContent`.
 */
import { concatHex, type Hex, keccak256, slice, stringToHex } from "viem";
import type { GovernorFamily, ProposalContent } from "../../governor/adapter";
import type { EncodedAction } from "./actions";

/**
 * Whether the family's propose takes function signatures (GovernorBravo, GovernorAlpha, and OZ 4.x
 * with GovernorCompatibilityBravo). OpenZeppelin's Governor takes full calldatas only.
 *
 * @example proposesWithSignatures("bravo") // true
 */
export function proposesWithSignatures(family: GovernorFamily | null | undefined): boolean {
  return family === "bravo" || family === "alpha" || family === "oz-bravo-compatible";
}

/**
 * The 4-byte selector Bravo's timelock derives from a signature: `bytes4(keccak256(bytes(signature)))`
 * of the string exactly as stored. Not viem's `toFunctionSelector`, which normalises first
 * ("transfer(address, uint256)" → 0xa9059cbb), while the timelock hashes the space too
 * (→ 0x9d61d234) and so calls another function.
 *
 * @example signatureSelector("transfer(address,uint256)") // "0xa9059cbb"
 * @example signatureSelector("transfer(address, uint256)") // "0x9d61d234"
 */
export function signatureSelector(signature: string): Hex {
  return slice(keccak256(stringToHex(signature)), 0, 4);
}

/**
 * One action as Bravo's propose takes it: the signature and the arguments only, for an action
 * that calls a known function; "" and the full calldata for an ETH transfer or raw calldata.
 *
 * @example
 * bravoAction({ target, value: 0n, calldata: "0xa9059cbb…", signature: "transfer(address,uint256)" })
 * // { signature: "transfer(address,uint256)", calldata: "0x…" (the 64 bytes of arguments) }
 */
export function bravoAction(action: EncodedAction): { signature: string; calldata: Hex } {
  const { signature, calldata } = action;
  // Only when the calldata really starts with the signature's selector (it always does when the
  // builder encoded it): otherwise propose it whole, as the timelock would run it anyway.
  if (!signature || calldata.length < 10 || calldata.slice(0, 10).toLowerCase() !== signatureSelector(signature)) {
    return { signature: "", calldata };
  }
  return { signature, calldata: `0x${calldata.slice(10)}` };
}

/**
 * The content to propose: for a family that proposes with signatures, known-function actions as
 * signature + arguments (ProposalContent.signatures); otherwise full calldatas, no signatures.
 *
 * @example
 * proposalContent(actions, description, dao.flavour.family) // → adapter.propose(content)
 */
export function proposalContent(
  actions: readonly EncodedAction[],
  description: string,
  family: GovernorFamily | null | undefined,
): ProposalContent {
  const targets = actions.map((action) => action.target);
  const values = actions.map((action) => action.value);
  if (!proposesWithSignatures(family)) {
    return { targets, values, calldatas: actions.map((action) => action.calldata), description };
  }
  const parts = actions.map(bravoAction);
  return {
    targets,
    values,
    signatures: parts.map((part) => part.signature),
    calldatas: parts.map((part) => part.calldata),
    description,
  };
}

/**
 * The calldatas as the timelock runs them: selector of the signature + arguments where a
 * signature is set, the calldata itself where it is "" (or the content has none).
 *
 * @example executedCalldatas({ …, signatures: ["transfer(address,uint256)"], calldatas: [args] }) // ["0xa9059cbb" + args]
 */
export function executedCalldatas(content: Pick<ProposalContent, "calldatas" | "signatures">): Hex[] {
  return content.calldatas.map((calldata, index) => {
    const signature = content.signatures?.[index] ?? "";
    return signature ? concatHex([signatureSelector(signature), calldata]) : calldata;
  });
}

/**
 * The content with full calldatas and no signatures: what OpenZeppelin's hashProposal hashes
 * (GovernorCompatibilityBravo's id too), what each action's simulation sends, what duplicate
 * detection compares.
 *
 * @example hashProposal(executedContent(content))
 */
export function executedContent(content: ProposalContent): ProposalContent {
  return {
    targets: content.targets,
    values: content.values,
    calldatas: executedCalldatas(content),
    description: content.description,
  };
}
