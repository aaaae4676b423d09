// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts-4.9/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts-4.9/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts-4.9/token/ERC20/extensions/ERC20Votes.sol";
import {ERC20VotesComp} from "@openzeppelin/contracts-4.9/token/ERC20/extensions/ERC20VotesComp.sol";

/// @title Fixture: OZ 4.9 ERC20VotesComp token (Compound COMP-style votes)
/// @notice Block-number clock; besides getVotes/getPastVotes it answers Compound's getCurrentVotes and
/// getPriorVotes (uint96), as GovernorBravo-era tokens do. The whole supply is minted to `recipient`.
contract BravoToken is ERC20, ERC20Permit, ERC20VotesComp {
    constructor(address recipient, uint256 supply) ERC20("Commons Bravo", "CBRV") ERC20Permit("Commons Bravo") {
        _mint(recipient, supply);
    }

    function _afterTokenTransfer(address from, address to, uint256 amount) internal override(ERC20, ERC20Votes) {
        super._afterTokenTransfer(from, to, amount);
    }

    function _mint(address to, uint256 amount) internal override(ERC20, ERC20Votes) {
        super._mint(to, amount);
    }

    function _burn(address account, uint256 amount) internal override(ERC20, ERC20Votes) {
        super._burn(account, amount);
    }
}
