// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title A stand-in for ENS's Universal Resolver on a local chain, for tests.
/// @notice Answers the two calls viem makes for names, addresses and text records
/// (`reverseWithGateways`, `resolveWithGateways`) from records a test sets. It is not ENS: no
/// registry, no ownership, no CCIP-read, and on purpose no forward check in `reverseWithGateways`
/// (the real resolver has one), so a test can show that Commons checks the name itself. Tests put
/// its runtime code at the Universal Resolver's mainnet address with `anvil_setCode`.
contract EnsStandIn {
    /// The primary name an address claims (its reverse record).
    mapping(address => string) public reverseNames;
    /// Forward records: namehash → address.
    mapping(bytes32 => address) public addresses;
    /// Text records: namehash → key → value.
    mapping(bytes32 => mapping(string => string)) public texts;

    error ResolverNotFound(bytes name);

    function setReverseName(address account, string calldata name) external {
        reverseNames[account] = name;
    }

    function setAddr(bytes32 node, address account) external {
        addresses[node] = account;
    }

    function setText(bytes32 node, string calldata key, string calldata value) external {
        texts[node][key] = value;
    }

    function addr(bytes32 node) external view returns (address) {
        return addresses[node];
    }

    function text(bytes32 node, string calldata key) external view returns (string memory) {
        return texts[node][key];
    }

    /// @dev viem passes the 20-byte address as `reverseName`; an empty name means "no primary name".
    function reverseWithGateways(bytes calldata reverseName, uint256, string[] calldata)
        external
        view
        returns (string memory, address, address)
    {
        return (reverseNames[address(bytes20(reverseName))], address(this), address(this));
    }

    /// @dev `data` is the resolver call (`addr(node)`, `text(node, key)`), answered by this contract.
    function resolveWithGateways(bytes calldata name, bytes calldata data, string[] calldata)
        external
        view
        returns (bytes memory, address)
    {
        (bool ok, bytes memory result) = address(this).staticcall(data);
        if (!ok) revert ResolverNotFound(name);
        return (result, address(this));
    }
}
