// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title Commons demo timelock
/// @notice OpenZeppelin's TimelockController unchanged; this file only gives the compiler a deployable unit.
/// It holds the treasury and executes what the governor queues.
contract DemoTimelock is TimelockController {
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
