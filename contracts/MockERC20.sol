// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Mock ERC20 for the demo treasury
/// @notice A plain ERC20 with a configurable name, symbol and decimals; the whole supply goes to `recipient`.
/// Stands in for assets a DAO treasury holds (e.g. "USD Coin" with 6 decimals).
contract MockERC20 is ERC20 {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address recipient, uint256 supply)
        ERC20(name_, symbol_)
    {
        _decimals = decimals_;
        _mint(recipient, supply);
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }
}
