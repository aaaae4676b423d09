/**
 * For tests: the smallest EIP-1271 contract wallet, whose signatures are valid when its owner
 * made them. Compiled with solc-js on demand (tests only; never imported by the app).
 */
import solc from "solc";
import type { Hex } from "viem";

const ownerWalletSource = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract OwnerWallet {
  address public owner;
  constructor(address owner_) { owner = owner_; }
  function isValidSignature(bytes32 hash, bytes calldata sig) external view returns (bytes4) {
    if (sig.length != 65) return 0xffffffff;
    bytes32 r = bytes32(sig[0:32]);
    bytes32 s = bytes32(sig[32:64]);
    uint8 v = uint8(sig[64]);
    return ecrecover(hash, v, r, s) == owner ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
  }
}`;

/** @example const { abi, bytecode } = compileOwnerWallet(); // deploy with args [owner] */
export function compileOwnerWallet(): { abi: unknown[]; bytecode: Hex } {
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { "OwnerWallet.sol": { content: ownerWalletSource } },
        settings: { evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
      }),
    ),
  );
  const contract = output.contracts["OwnerWallet.sol"].OwnerWallet;
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
