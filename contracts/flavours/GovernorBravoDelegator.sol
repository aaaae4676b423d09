// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {GovernorBravoDelegatorStorage, GovernorBravoEvents} from "./GovernorBravoDelegate.sol";

/// @title Fixture: a GovernorBravoDelegator as Compound deployed it
/// @notice The address a Compound-style DAO's governor lives at: a proxy that keeps the storage and runs
/// every call it does not answer itself in its implementation (GovernorBravoDelegate) with delegatecall.
/// It answers only `admin`, `pendingAdmin`, `implementation` and `_setImplementation`; reads and writes
/// of the governor are made with the delegate's ABI at this address.
contract GovernorBravoDelegator is GovernorBravoDelegatorStorage, GovernorBravoEvents {
    /// @notice Initialises the governor's storage through `implementation_` (the deployer acting as admin
    /// meanwhile), then hands the admin role to `admin_` (Compound's: the timelock).
    constructor(
        address timelock_,
        address comp_,
        address admin_,
        address implementation_,
        uint256 votingPeriod_,
        uint256 votingDelay_,
        uint256 proposalThreshold_
    ) {
        admin = msg.sender;
        _delegateTo(
            implementation_,
            abi.encodeWithSignature(
                "initialize(address,address,uint256,uint256,uint256)",
                timelock_,
                comp_,
                votingPeriod_,
                votingDelay_,
                proposalThreshold_
            )
        );
        _setImplementation(implementation_);
        admin = admin_;
    }

    /// @notice Points the proxy at a new implementation (an upgrade); admin only.
    function _setImplementation(address implementation_) public {
        require(msg.sender == admin, "GovernorBravoDelegator::_setImplementation: admin only");
        require(
            implementation_ != address(0), "GovernorBravoDelegator::_setImplementation: invalid implementation address"
        );
        emit NewImplementation(implementation, implementation_);
        implementation = implementation_;
    }

    function _delegateTo(address callee, bytes memory data) internal {
        (bool ok, bytes memory answer) = callee.delegatecall(data);
        if (!ok) {
            assembly {
                revert(add(answer, 0x20), mload(answer))
            }
        }
    }

    /// @notice Everything else runs in the implementation, its answer or revert passed through as is.
    fallback() external payable {
        _forward();
    }

    /// @notice Plain ETH goes the same way (the implementation refuses it, as Compound's does).
    receive() external payable {
        _forward();
    }

    function _forward() private {
        address target = implementation;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}
