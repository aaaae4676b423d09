/**
 * Hand-written ABIs of the standard interfaces a proposal's actions most often call on contracts
 * other than the DAO's own: ERC-20 (treasury payments, approvals) and ERC-721. Used to decode
 * calldata by selector; parameter names follow the EIPs.
 */
import { parseAbi } from "viem";

/** ERC-20 (EIP-20) calls, plus the common allowance helpers. */
export const erc20CallsAbi = parseAbi([
  "function transfer(address to, uint256 amount) returns (bool)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "function transferFrom(address from, address to, uint256 amount) returns (bool)",
  "function increaseAllowance(address spender, uint256 addedValue) returns (bool)",
  "function decreaseAllowance(address spender, uint256 subtractedValue) returns (bool)",
]);

/**
 * ERC-721 (EIP-721) calls that ERC-20 does not share. `transferFrom` and `approve` have the same
 * selectors as ERC-20's and decode with ERC-20's names.
 */
export const erc721CallsAbi = parseAbi([
  "function safeTransferFrom(address from, address to, uint256 tokenId)",
  "function safeTransferFrom(address from, address to, uint256 tokenId, bytes data)",
  "function setApprovalForAll(address operator, bool approved)",
]);

/** Reads of ERC-20 metadata, for naming a target token and formatting its amounts. */
export const erc20MetadataAbi = parseAbi([
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
]);

/** Functions whose uint256 amount is in the called token's units. */
export const erc20AmountFunctions: ReadonlySet<string> = new Set([
  "transfer",
  "approve",
  "transferFrom",
  "increaseAllowance",
  "decreaseAllowance",
]);
