// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Fixture: ERC20Votes token on a timestamp clock (ERC-6372 `mode=timestamp`)
/// @notice Checkpoints are keyed by block timestamp, so the governor's snapshot, deadline and
/// voting delay/period are seconds, not block numbers. The whole supply is minted to `recipient`.
contract TimestampFractionalToken is ERC20, ERC20Permit, ERC20Votes {
    constructor(address recipient, uint256 supply) ERC20("Commons Timestamp", "CTS") ERC20Permit("Commons Timestamp") {
        _mint(recipient, supply);
    }

    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
