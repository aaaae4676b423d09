// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// @title Fixture: ERC721Votes membership NFT (one NFT = one vote)
/// @notice Block-number clock. The deployer (`minter`) mints token ids 1, 2, 3… with {mint}; holders
/// delegate like with ERC20Votes, and each token they hold counts as one vote.
contract NftToken is ERC721, EIP712, ERC721Votes {
    address public immutable minter;
    uint256 public totalMinted;

    error NftTokenOnlyMinter(address caller);

    constructor(address minter_) ERC721("Commons Members", "CMEM") EIP712("Commons Members", "1") {
        minter = minter_;
    }

    /// @notice Mints `count` new tokens to `to` and returns the first new id.
    function mint(address to, uint256 count) external returns (uint256 firstId) {
        if (msg.sender != minter) revert NftTokenOnlyMinter(msg.sender);
        firstId = totalMinted + 1;
        for (uint256 i = 0; i < count; ++i) {
            _safeMint(to, firstId + i);
        }
        totalMinted += count;
    }

    function _update(address to, uint256 tokenId, address auth)
        internal
        override(ERC721, ERC721Votes)
        returns (address)
    {
        return super._update(to, tokenId, auth);
    }

    function _increaseBalance(address account, uint128 amount) internal override(ERC721, ERC721Votes) {
        super._increaseBalance(account, amount);
    }
}
