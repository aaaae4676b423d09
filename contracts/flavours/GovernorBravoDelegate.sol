// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the governor asks of Compound's Timelock (the `Timelock` of @uniswap/governance here).
interface IBravoTimelock {
    function delay() external view returns (uint256);
    function GRACE_PERIOD() external view returns (uint256);
    function acceptAdmin() external;
    function queuedTransactions(bytes32 txHash) external view returns (bool);
    function queueTransaction(address target, uint256 value, string calldata signature, bytes calldata data, uint256 eta)
        external
        returns (bytes32);
    function cancelTransaction(
        address target,
        uint256 value,
        string calldata signature,
        bytes calldata data,
        uint256 eta
    ) external;
    function executeTransaction(
        address target,
        uint256 value,
        string calldata signature,
        bytes calldata data,
        uint256 eta
    ) external payable returns (bytes memory);
}

/// @notice A Comp-style votes token: checkpointed uint96 votes read at a past block.
interface IBravoVotesToken {
    function getPriorVotes(address account, uint256 blockNumber) external view returns (uint96);
}

/// @notice The GovernorAlpha a GovernorBravo takes over from (`_initiate`): only its proposal counter.
interface IAlphaProposalCounter {
    function proposalCount() external view returns (uint256);
}

/// @notice GovernorBravo's events, with the signatures Compound's deployed contracts emit (indexers
/// and explorers match on them).
abstract contract GovernorBravoEvents {
    event ProposalCreated(
        uint256 id,
        address proposer,
        address[] targets,
        uint256[] values,
        string[] signatures,
        bytes[] calldatas,
        uint256 startBlock,
        uint256 endBlock,
        string description
    );
    /// @param support 0 Against, 1 For, 2 Abstain
    event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 votes, string reason);
    event ProposalCanceled(uint256 id);
    event ProposalQueued(uint256 id, uint256 eta);
    event ProposalExecuted(uint256 id);
    event VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay);
    event VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod);
    event NewImplementation(address oldImplementation, address newImplementation);
    event ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold);
    event NewPendingAdmin(address oldPendingAdmin, address newPendingAdmin);
    event NewAdmin(address oldAdmin, address newAdmin);
    event WhitelistAccountExpirationSet(address account, uint256 expiration);
    event WhitelistGuardianSet(address oldGuardian, address newGuardian);
}

/// @notice The proxy's own slots, first in the storage both contracts share.
abstract contract GovernorBravoDelegatorStorage {
    /// @notice May upgrade the implementation and change the governor's settings (the timelock, once live).
    address public admin;
    address public pendingAdmin;
    /// @notice The GovernorBravoDelegate the proxy delegates every other call to.
    address public implementation;
}

/// @notice The governor's state, laid out after the proxy's slots in the order Compound's deployed
/// GovernorBravoDelegate uses, so an implementation can be swapped behind a live proxy.
abstract contract GovernorBravoDelegateStorage is GovernorBravoDelegatorStorage {
    /// @notice Blocks between a proposal and the opening of its vote.
    uint256 public votingDelay;
    /// @notice Blocks during which a vote is open.
    uint256 public votingPeriod;
    /// @notice Votes a proposer needs (strictly more than this, one block before proposing).
    uint256 public proposalThreshold;
    /// @notice The GovernorAlpha's proposal count when this governor took over; 0 until `_initiate`.
    uint256 public initialProposalId;
    /// @notice Proposals ever made, the GovernorAlpha's included: the latest proposal's id.
    uint256 public proposalCount;
    IBravoTimelock public timelock;
    IBravoVotesToken public comp;
    /// @notice The getter returns the scalar fields; the actions come from `getActions`.
    mapping(uint256 => Proposal) public proposals;
    mapping(address => uint256) public latestProposalIds;
    /// @notice Until this timestamp the account may propose whatever its votes.
    mapping(address => uint256) public whitelistAccountExpirations;
    /// @notice May whitelist accounts, and cancel a whitelisted proposer's proposal once they fall below the threshold.
    address public whitelistGuardian;

    struct Proposal {
        uint256 id;
        address proposer;
        /// @notice When the timelock lets the actions run; 0 until queued.
        uint256 eta;
        address[] targets;
        uint256[] values;
        string[] signatures;
        bytes[] calldatas;
        /// @notice Votes are counted at this block; voting opens after it.
        uint256 startBlock;
        /// @notice The last block in which a vote is accepted.
        uint256 endBlock;
        uint256 forVotes;
        uint256 againstVotes;
        uint256 abstainVotes;
        bool canceled;
        bool executed;
        mapping(address => Receipt) receipts;
    }

    struct Receipt {
        bool hasVoted;
        uint8 support;
        uint96 votes;
    }

    enum ProposalState {
        Pending,
        Active,
        Canceled,
        Defeated,
        Succeeded,
        Queued,
        Expired,
        Executed
    }
}

/// @title Fixture: a GovernorBravoDelegate as Compound deployed it
/// @notice Written for Commons from GovernorBravo's documented interface and the ABI of Compound's deployed
/// contract: the same external functions, events, constants, storage layout and revert strings, so the app
/// meets what it meets on mainnet. It runs behind GovernorBravoDelegator (a proxy); it is not used directly.
/// - Proposals carry function signatures; queue, execute and cancel take the id; the Compound Timelock runs
///   `selector(signature) ++ calldata`, or the calldata as is when the signature is empty.
/// - Votes: 0 Against, 1 For, 2 Abstain, weighed with the token's getPriorVotes at the proposal's startBlock;
///   only For votes count toward `quorumVotes`.
/// - `execute` forwards each action's value with the call (the caller pays it), as Compound's does.
/// - A queued proposal not executed within the timelock's GRACE_PERIOD after its ETA is Expired.
/// - Proposal ids continue the GovernorAlpha's (`_initiate`), and the governor accepts the timelock's admin role then.
contract GovernorBravoDelegate is GovernorBravoDelegateStorage, GovernorBravoEvents {
    string public constant name = "Compound Governor Bravo";

    uint256 public constant MIN_PROPOSAL_THRESHOLD = 50_000e18;
    uint256 public constant MAX_PROPOSAL_THRESHOLD = 100_000e18;
    /// @notice About a day of 15-second blocks.
    uint256 public constant MIN_VOTING_PERIOD = 5760;
    /// @notice About two weeks.
    uint256 public constant MAX_VOTING_PERIOD = 80_640;
    uint256 public constant MIN_VOTING_DELAY = 1;
    /// @notice About a week.
    uint256 public constant MAX_VOTING_DELAY = 40_320;
    /// @notice For votes a proposal needs to pass (400,000 = 4 % of COMP's supply).
    uint256 public constant quorumVotes = 400_000e18;
    uint256 public constant proposalMaxOperations = 10;

    bytes32 public constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)");
    bytes32 public constant BALLOT_TYPEHASH = keccak256("Ballot(uint256 proposalId,uint8 support)");

    /// @notice Sets the governor up; the proxy's constructor calls it once, through delegatecall, as admin.
    function initialize(
        address timelock_,
        address comp_,
        uint256 votingPeriod_,
        uint256 votingDelay_,
        uint256 proposalThreshold_
    ) public virtual {
        require(address(timelock) == address(0), "GovernorBravo::initialize: can only initialize once");
        require(msg.sender == admin, "GovernorBravo::initialize: admin only");
        require(timelock_ != address(0), "GovernorBravo::initialize: invalid timelock address");
        require(comp_ != address(0), "GovernorBravo::initialize: invalid comp address");
        require(
            _within(votingPeriod_, MIN_VOTING_PERIOD, MAX_VOTING_PERIOD),
            "GovernorBravo::initialize: invalid voting period"
        );
        require(
            _within(votingDelay_, MIN_VOTING_DELAY, MAX_VOTING_DELAY), "GovernorBravo::initialize: invalid voting delay"
        );
        require(
            _within(proposalThreshold_, MIN_PROPOSAL_THRESHOLD, MAX_PROPOSAL_THRESHOLD),
            "GovernorBravo::initialize: invalid proposal threshold"
        );
        timelock = IBravoTimelock(timelock_);
        comp = IBravoVotesToken(comp_);
        votingPeriod = votingPeriod_;
        votingDelay = votingDelay_;
        proposalThreshold = proposalThreshold_;
    }

    // ---------------------------------------------------------------- proposals

    function propose(
        address[] memory targets,
        uint256[] memory values,
        string[] memory signatures,
        bytes[] memory calldatas,
        string memory description
    ) public returns (uint256) {
        require(initialProposalId != 0, "GovernorBravo::propose: Governor Bravo not active");
        require(
            comp.getPriorVotes(msg.sender, block.number - 1) > proposalThreshold || isWhitelisted(msg.sender),
            "GovernorBravo::propose: proposer votes below proposal threshold"
        );
        uint256 actions = targets.length;
        require(
            values.length == actions && signatures.length == actions && calldatas.length == actions,
            "GovernorBravo::propose: proposal function information arity mismatch"
        );
        require(actions != 0, "GovernorBravo::propose: must provide actions");
        require(actions <= proposalMaxOperations, "GovernorBravo::propose: too many actions");

        uint256 previous = latestProposalIds[msg.sender];
        if (previous != 0) {
            ProposalState previousState = state(previous);
            require(
                previousState != ProposalState.Active,
                "GovernorBravo::propose: one live proposal per proposer, found an already active proposal"
            );
            require(
                previousState != ProposalState.Pending,
                "GovernorBravo::propose: one live proposal per proposer, found an already pending proposal"
            );
        }

        uint256 id = ++proposalCount;
        Proposal storage proposal = proposals[id];
        require(proposal.id == 0, "GovernorBravo::propose: ProposalID collsion");
        proposal.id = id;
        proposal.proposer = msg.sender;
        proposal.targets = targets;
        proposal.values = values;
        proposal.signatures = signatures;
        proposal.calldatas = calldatas;
        proposal.startBlock = block.number + votingDelay;
        proposal.endBlock = proposal.startBlock + votingPeriod;
        latestProposalIds[msg.sender] = id;
        _announce(proposal, description);
        return id;
    }

    /// @notice Puts a Succeeded proposal's actions in the timelock, to run from now + the timelock's delay.
    function queue(uint256 proposalId) external {
        require(
            state(proposalId) == ProposalState.Succeeded,
            "GovernorBravo::queue: proposal can only be queued if it is succeeded"
        );
        Proposal storage proposal = proposals[proposalId];
        uint256 eta = block.timestamp + timelock.delay();
        for (uint256 i = 0; i < proposal.targets.length; i++) {
            _queueAction(proposal.targets[i], proposal.values[i], proposal.signatures[i], proposal.calldatas[i], eta);
        }
        proposal.eta = eta;
        emit ProposalQueued(proposalId, eta);
    }

    /// @notice Runs a Queued proposal's actions through the timelock; each action's value is sent with the call.
    function execute(uint256 proposalId) external payable {
        require(
            state(proposalId) == ProposalState.Queued,
            "GovernorBravo::execute: proposal can only be executed if it is queued"
        );
        Proposal storage proposal = proposals[proposalId];
        proposal.executed = true;
        for (uint256 i = 0; i < proposal.targets.length; i++) {
            timelock.executeTransaction{value: proposal.values[i]}(
                proposal.targets[i], proposal.values[i], proposal.signatures[i], proposal.calldatas[i], proposal.eta
            );
        }
        emit ProposalExecuted(proposalId);
    }

    /// @notice The proposer may cancel at any time before execution; anyone else only once the proposer's
    /// votes fell below the threshold (for a whitelisted proposer: only the whitelist guardian).
    function cancel(uint256 proposalId) external {
        require(state(proposalId) != ProposalState.Executed, "GovernorBravo::cancel: cannot cancel executed proposal");
        Proposal storage proposal = proposals[proposalId];
        if (msg.sender != proposal.proposer) {
            bool belowThreshold = comp.getPriorVotes(proposal.proposer, block.number - 1) < proposalThreshold;
            if (isWhitelisted(proposal.proposer)) {
                require(
                    belowThreshold && msg.sender == whitelistGuardian, "GovernorBravo::cancel: whitelisted proposer"
                );
            } else {
                require(belowThreshold, "GovernorBravo::cancel: proposer above threshold");
            }
        }
        proposal.canceled = true;
        for (uint256 i = 0; i < proposal.targets.length; i++) {
            timelock.cancelTransaction(
                proposal.targets[i], proposal.values[i], proposal.signatures[i], proposal.calldatas[i], proposal.eta
            );
        }
        emit ProposalCanceled(proposalId);
    }

    function getActions(uint256 proposalId)
        external
        view
        returns (address[] memory targets, uint256[] memory values, string[] memory signatures, bytes[] memory calldatas)
    {
        Proposal storage proposal = proposals[proposalId];
        return (proposal.targets, proposal.values, proposal.signatures, proposal.calldatas);
    }

    function getReceipt(uint256 proposalId, address voter) external view returns (Receipt memory) {
        return proposals[proposalId].receipts[voter];
    }

    function state(uint256 proposalId) public view returns (ProposalState) {
        require(
            proposalId <= proposalCount && proposalId > initialProposalId, "GovernorBravo::state: invalid proposal id"
        );
        Proposal storage proposal = proposals[proposalId];
        if (proposal.canceled) return ProposalState.Canceled;
        if (block.number <= proposal.startBlock) return ProposalState.Pending;
        if (block.number <= proposal.endBlock) return ProposalState.Active;
        if (proposal.forVotes <= proposal.againstVotes || proposal.forVotes < quorumVotes) {
            return ProposalState.Defeated;
        }
        if (proposal.eta == 0) return ProposalState.Succeeded;
        if (proposal.executed) return ProposalState.Executed;
        if (block.timestamp >= proposal.eta + timelock.GRACE_PERIOD()) return ProposalState.Expired;
        return ProposalState.Queued;
    }

    // ---------------------------------------------------------------- votes

    function castVote(uint256 proposalId, uint8 support) external {
        emit VoteCast(msg.sender, proposalId, support, _countVote(msg.sender, proposalId, support), "");
    }

    function castVoteWithReason(uint256 proposalId, uint8 support, string calldata reason) external {
        emit VoteCast(msg.sender, proposalId, support, _countVote(msg.sender, proposalId, support), reason);
    }

    /// @notice A vote signed off-chain (EIP-712 `Ballot(uint256 proposalId,uint8 support)`), sent by anyone.
    function castVoteBySig(uint256 proposalId, uint8 support, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 domain = keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(name)), block.chainid, address(this)));
        bytes32 ballot = keccak256(abi.encode(BALLOT_TYPEHASH, proposalId, support));
        address voter = ecrecover(keccak256(abi.encodePacked("\x19\x01", domain, ballot)), v, r, s);
        require(voter != address(0), "GovernorBravo::castVoteBySig: invalid signature");
        emit VoteCast(voter, proposalId, support, _countVote(voter, proposalId, support), "");
    }

    function isWhitelisted(address account) public view returns (bool) {
        return whitelistAccountExpirations[account] > block.timestamp;
    }

    // ---------------------------------------------------------------- admin

    function _setVotingDelay(uint256 newVotingDelay) external {
        require(msg.sender == admin, "GovernorBravo::_setVotingDelay: admin only");
        require(
            _within(newVotingDelay, MIN_VOTING_DELAY, MAX_VOTING_DELAY),
            "GovernorBravo::_setVotingDelay: invalid voting delay"
        );
        emit VotingDelaySet(votingDelay, newVotingDelay);
        votingDelay = newVotingDelay;
    }

    function _setVotingPeriod(uint256 newVotingPeriod) external {
        require(msg.sender == admin, "GovernorBravo::_setVotingPeriod: admin only");
        require(
            _within(newVotingPeriod, MIN_VOTING_PERIOD, MAX_VOTING_PERIOD),
            "GovernorBravo::_setVotingPeriod: invalid voting period"
        );
        emit VotingPeriodSet(votingPeriod, newVotingPeriod);
        votingPeriod = newVotingPeriod;
    }

    function _setProposalThreshold(uint256 newProposalThreshold) external {
        require(msg.sender == admin, "GovernorBravo::_setProposalThreshold: admin only");
        require(
            _within(newProposalThreshold, MIN_PROPOSAL_THRESHOLD, MAX_PROPOSAL_THRESHOLD),
            "GovernorBravo::_setProposalThreshold: invalid proposal threshold"
        );
        emit ProposalThresholdSet(proposalThreshold, newProposalThreshold);
        proposalThreshold = newProposalThreshold;
    }

    /// @param expiration A timestamp: the account is whitelisted while the chain's time is before it.
    function _setWhitelistAccountExpiration(address account, uint256 expiration) external {
        require(
            msg.sender == admin || msg.sender == whitelistGuardian,
            "GovernorBravo::_setWhitelistAccountExpiration: admin only"
        );
        whitelistAccountExpirations[account] = expiration;
        emit WhitelistAccountExpirationSet(account, expiration);
    }

    /// @param account The new guardian (the zero address removes it).
    function _setWhitelistGuardian(address account) external {
        require(msg.sender == admin, "GovernorBravo::_setWhitelistGuardian: admin only");
        emit WhitelistGuardianSet(whitelistGuardian, account);
        whitelistGuardian = account;
    }

    /// @notice Takes over from `governorAlpha`: proposal ids continue after its last one, and this governor
    /// accepts the timelock's admin role (the timelock must have made it pending admin first).
    function _initiate(address governorAlpha) external {
        require(msg.sender == admin, "GovernorBravo::_initiate: admin only");
        require(initialProposalId == 0, "GovernorBravo::_initiate: can only initiate once");
        proposalCount = IAlphaProposalCounter(governorAlpha).proposalCount();
        initialProposalId = proposalCount;
        timelock.acceptAdmin();
    }

    function _setPendingAdmin(address newPendingAdmin) external {
        require(msg.sender == admin, "GovernorBravo:_setPendingAdmin: admin only");
        emit NewPendingAdmin(pendingAdmin, newPendingAdmin);
        pendingAdmin = newPendingAdmin;
    }

    function _acceptAdmin() external {
        require(
            msg.sender == pendingAdmin && msg.sender != address(0), "GovernorBravo:_acceptAdmin: pending admin only"
        );
        address previousAdmin = admin;
        admin = msg.sender;
        pendingAdmin = address(0);
        emit NewAdmin(previousAdmin, msg.sender);
        emit NewPendingAdmin(msg.sender, address(0));
    }

    // ---------------------------------------------------------------- internals

    function _countVote(address voter, uint256 proposalId, uint8 support) internal returns (uint96) {
        require(state(proposalId) == ProposalState.Active, "GovernorBravo::castVoteInternal: voting is closed");
        require(support <= 2, "GovernorBravo::castVoteInternal: invalid vote type");
        Proposal storage proposal = proposals[proposalId];
        Receipt storage receipt = proposal.receipts[voter];
        require(!receipt.hasVoted, "GovernorBravo::castVoteInternal: voter already voted");
        uint96 votes = comp.getPriorVotes(voter, proposal.startBlock);
        if (support == 0) proposal.againstVotes += votes;
        else if (support == 1) proposal.forVotes += votes;
        else proposal.abstainVotes += votes;
        receipt.hasVoted = true;
        receipt.support = support;
        receipt.votes = votes;
        return votes;
    }

    /// @dev Emits ProposalCreated from the stored proposal (propose's own stack is too full for nine arguments).
    function _announce(Proposal storage proposal, string memory description) private {
        emit ProposalCreated(
            proposal.id,
            proposal.proposer,
            proposal.targets,
            proposal.values,
            proposal.signatures,
            proposal.calldatas,
            proposal.startBlock,
            proposal.endBlock,
            description
        );
    }

    function _queueAction(address target, uint256 value, string memory signature, bytes memory data, uint256 eta)
        internal
    {
        require(
            !timelock.queuedTransactions(keccak256(abi.encode(target, value, signature, data, eta))),
            "GovernorBravo::queueOrRevertInternal: identical proposal action already queued at eta"
        );
        timelock.queueTransaction(target, value, signature, data, eta);
    }

    function _within(uint256 value, uint256 low, uint256 high) private pure returns (bool) {
        return value >= low && value <= high;
    }
}
