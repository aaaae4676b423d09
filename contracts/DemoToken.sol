// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Commons demo voting token (COMM)
/// @notice ERC20 with EIP-2612 permits and ERC20Votes checkpoints on the default block-number clock.
/// The whole supply is minted once, at deployment, to `recipient`.
contract DemoToken is ERC20, ERC20Permit, ERC20Votes {
    constructor(address recipient, uint256 supply) ERC20("Commons", "COMM") ERC20Permit("Commons") {
        _mint(recipient, supply);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
