/**
 * A simulated action's revert data in words, through the same explainer the write flows use
 * (lib/tx/explainTxError): the DAO's custom errors, OpenZeppelin 4.x and Compound revert strings,
 * panics; any other string quoted as inert text.
 */
import { type Abi, ContractFunctionRevertedError, type Hex, parseAbi } from "viem";
import { governorErrorAbi } from "../governor/adapter";
import { explainTxError } from "../tx/explainTxError";

/** Errors of common contracts a proposal calls besides the DAO's own (OpenZeppelin 5 proxies, Ownable, Address). */
export const commonErrorAbi = parseAbi([
  "error OwnableUnauthorizedAccount(address account)",
  "error OwnableInvalidOwner(address owner)",
  "error ERC1967InvalidImplementation(address implementation)",
  "error ERC1967InvalidAdmin(address admin)",
  "error ERC1967NonPayable()",
  "error ProxyDeniedAdminAccess()",
  "error UUPSUnauthorizedCallContext()",
  "error UUPSUnsupportedProxiableUUID(bytes32 slot)",
  "error AddressEmptyCode(address target)",
  "error InsufficientBalance(uint256 balance, uint256 needed)",
  "error EnforcedPause()",
]);

/** The DAO's errors and the common ones, for {@link explainRevertData}. */
export function simulationErrorAbi(errorAbi: Abi = governorErrorAbi): Abi {
  return [...errorAbi, ...commonErrorAbi];
}

/**
 * @example explainRevertData("0xe450d38c…", abi) // "The sender does not hold enough tokens for this transfer."
 */
export function explainRevertData(data: Hex, errorAbi: Abi = simulationErrorAbi()): string {
  const error = new ContractFunctionRevertedError({ abi: errorAbi, data, functionName: "execute" });
  return explainTxError(error, errorAbi).message;
}
