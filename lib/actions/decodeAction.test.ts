/** Over 300 lines: one suite of decodeAction cases sharing its fixtures. */
import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  maxUint256,
  parseAbi,
  parseAbiParameters,
  parseUnits,
  zeroHash,
} from "viem";
import { describe, expect, it } from "vitest";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { demoTimelockAbi } from "../../contracts-abi/demoTimelock";
import { demoTokenAbi } from "../../contracts-abi/demoToken";
import {
  bravoTimelockAbi,
  bravoTokenAbi,
  governorBravoDelegateAbi,
  governorBravoDelegatorAbi,
  nftGovernorAbi,
  uniTokenAbi,
} from "../../contracts-abi/flavours";
import { type DaoContracts, decodeAction } from "./decodeAction";
import { erc20Targets } from "./erc20Targets";
import { erc721CallsAbi } from "./standardAbis";

const dao: DaoContracts = {
  governor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  timelock: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
};
const musdc: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

const action = (target: Address, calldata: Hex, signature = "", value = 0n) => ({ target, value, signature, calldata });

describe("decodeAction", () => {
  it("decodes an ERC-20 transfer on any token with the standard ABI", () => {
    const calldata = encodeFunctionData({
      abi: erc20Abi,
      functionName: "transfer",
      args: [alice, parseUnits("75000", 6)],
    });
    const { call } = decodeAction(action(musdc, calldata), dao);
    expect(call).toMatchObject({
      kind: "decoded",
      source: "erc20",
      functionName: "transfer",
      signature: "transfer(address,uint256)",
      selector: "0xa9059cbb",
      exact: true,
    });
    if (call.kind !== "decoded") throw new Error("not decoded");
    expect(call.args.map(({ name, type, value }) => [name, type, value])).toEqual([
      ["to", "address", alice],
      ["amount", "uint256", 75_000_000_000n],
    ]);
  });

  it("decodes approve and transferFrom", () => {
    const approve = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [bob, maxUint256] });
    const from = encodeFunctionData({ abi: erc20Abi, functionName: "transferFrom", args: [alice, bob, 5n] });
    expect(decodeAction(action(musdc, approve), dao).call).toMatchObject({ functionName: "approve", source: "erc20" });
    const decoded = decodeAction(action(musdc, from), dao).call;
    expect(decoded.kind === "decoded" && decoded.args.map((arg) => arg.value)).toEqual([alice, bob, 5n]);
  });

  it("decodes the DAO's own contracts with their ABIs", () => {
    const threshold = encodeFunctionData({
      abi: demoGovernorAbi,
      functionName: "setProposalThreshold",
      args: [parseUnits("1000", 18)],
    });
    expect(decodeAction(action(dao.governor, threshold), dao).call).toMatchObject({
      kind: "decoded",
      source: "governor",
      functionName: "setProposalThreshold",
      signature: "setProposalThreshold(uint256)",
    });
    const delay = encodeFunctionData({ abi: demoTimelockAbi, functionName: "updateDelay", args: [3600n] });
    expect(decodeAction(action(dao.timelock as Address, delay), dao).call).toMatchObject({
      source: "timelock",
      functionName: "updateDelay",
    });
    const delegate = encodeFunctionData({ abi: demoTokenAbi, functionName: "delegate", args: [alice] });
    expect(decodeAction(action(dao.token, delegate), dao).call).toMatchObject({
      source: "token",
      functionName: "delegate",
    });
  });

  it("decodes a Compound timelock's own calls on a Bravo DAO, and other flavours' governor and token calls", () => {
    const pending = encodeFunctionData({ abi: bravoTimelockAbi, functionName: "setPendingAdmin", args: [alice] });
    expect(decodeAction(action(dao.timelock as Address, pending), dao).call).toMatchObject({
      kind: "decoded",
      source: "timelock",
      signature: "setPendingAdmin(address)",
    });
    const delay = encodeFunctionData({ abi: bravoTimelockAbi, functionName: "setDelay", args: [172_800n] });
    expect(decodeAction(action(dao.timelock as Address, delay), dao).call).toMatchObject({
      source: "timelock",
      functionName: "setDelay",
    });
    const queue = encodeFunctionData({
      abi: bravoTimelockAbi,
      functionName: "queueTransaction",
      args: [musdc, 0n, "transfer(address,uint256)", "0x", 1_700_000_000n],
    });
    const { call } = decodeAction(action(dao.timelock as Address, queue), dao);
    expect(call).toMatchObject({
      source: "timelock",
      signature: "queueTransaction(address,uint256,string,bytes,uint256)",
      exact: true,
    });
    // As a Bravo proposal states it: signature + arguments only.
    const args = encodeAbiParameters(parseAbiParameters("uint256"), [172_800n]);
    expect(decodeAction(action(dao.timelock as Address, args, "setDelay(uint256)"), dao).call).toMatchObject({
      source: "timelock",
      functionName: "setDelay",
      args: [{ name: "delay_", value: 172_800n }],
    });
    const extension = encodeFunctionData({
      abi: nftGovernorAbi,
      functionName: "setLateQuorumVoteExtension",
      args: [5],
    });
    expect(decodeAction(action(dao.governor, extension), dao).call).toMatchObject({
      source: "governor",
      functionName: "setLateQuorumVoteExtension",
    });
    const delegateBySig = encodeFunctionData({
      abi: bravoTokenAbi,
      functionName: "delegateBySig",
      args: [alice, 0n, 0n, 27, zeroHash, zeroHash],
    });
    expect(decodeAction(action(dao.token, delegateBySig), dao).call).toMatchObject({ source: "token" });
    // Not on another address: a timelock's selector means nothing on an unknown contract.
    expect(decodeAction(action(bob, pending), dao).call).toMatchObject({ kind: "unknown" });
  });

  it("decodes Compound's GovernorBravo proxy admin calls and a COMP-style token's own calls", () => {
    const upgrade = encodeFunctionData({
      abi: governorBravoDelegatorAbi,
      functionName: "_setImplementation",
      args: [bob],
    });
    expect(decodeAction(action(dao.governor, upgrade), dao).call).toMatchObject({
      source: "governor",
      signature: "_setImplementation(address)",
    });
    const period = encodeFunctionData({
      abi: governorBravoDelegateAbi,
      functionName: "_setVotingPeriod",
      args: [5_760n],
    });
    expect(decodeAction(action(dao.governor, period), dao).call).toMatchObject({
      source: "governor",
      functionName: "_setVotingPeriod",
    });
    const minter = encodeFunctionData({ abi: uniTokenAbi, functionName: "setMinter", args: [alice] });
    expect(decodeAction(action(dao.token, minter), dao).call).toMatchObject({
      source: "token",
      signature: "setMinter(address)",
    });
  });

  it("decodes an unknown target with its verified ABI when there is one", () => {
    const abi = parseAbi(["function setFeeTo(address feeTo)"]);
    const calldata = encodeFunctionData({ abi, functionName: "setFeeTo", args: [alice] });
    const verified = new Map([[bob.toLowerCase(), abi]]);
    expect(decodeAction(action(bob, calldata), dao, verified).call).toMatchObject({
      kind: "decoded",
      source: "verified",
      signature: "setFeeTo(address)",
      args: [{ name: "feeTo", value: alice }],
    });
    expect(decodeAction(action(musdc, calldata), dao, verified).call).toMatchObject({ kind: "unknown" });
  });

  it("refuses a signature the timelock would hash to another selector than its text says", () => {
    const args = encodeAbiParameters(parseAbiParameters("address, uint256"), [alice, 7n]);
    expect(decodeAction(action(musdc, args, "transfer(address, uint256)"), dao).call).toMatchObject({
      kind: "unknown",
      selector: "0x9d61d234",
      reason: expect.stringContaining("not in canonical form"),
    });
    expect(decodeAction(action(musdc, args, "transfer(address,uint)"), dao).call).toMatchObject({ kind: "unknown" });
  });

  it("decodes a timelock schedule with bytes and bytes32 arguments", () => {
    const inner = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 1n] });
    const schedule = encodeFunctionData({
      abi: demoTimelockAbi,
      functionName: "schedule",
      args: [musdc, 0n, inner, zeroHash, zeroHash, 120n],
    });
    const { call } = decodeAction(action(dao.timelock as Address, schedule), dao);
    expect(call.kind === "decoded" && call.args.map((arg) => arg.type)).toEqual([
      "address",
      "uint256",
      "bytes",
      "bytes32",
      "bytes32",
      "uint256",
    ]);
  });

  it("decodes ERC-721 safeTransferFrom with data", () => {
    const calldata = encodeFunctionData({
      abi: erc721CallsAbi,
      functionName: "safeTransferFrom",
      args: [dao.timelock as Address, alice, 42n, "0xc0ffee"],
    });
    const { call } = decodeAction(action(bob, calldata), dao);
    expect(call).toMatchObject({ source: "erc721", signature: "safeTransferFrom(address,address,uint256,bytes)" });
  });

  it("decodes a Bravo action from its signature, named by a known ABI when it matches", () => {
    const args = encodeAbiParameters(parseAbiParameters("address, uint256"), [alice, 7n]);
    const { call } = decodeAction(action(musdc, args, "transfer(address,uint256)"), dao);
    expect(call).toMatchObject({ kind: "decoded", source: "erc20", functionName: "transfer", exact: true });
    if (call.kind !== "decoded") throw new Error("not decoded");
    expect(call.args.map((arg) => arg.name)).toEqual(["to", "amount"]);
  });

  it("decodes a Bravo action with arrays and tuples from the signature alone", () => {
    const signature = "_setMarkets(address[],(uint256,bool)[],string)";
    const args = encodeAbiParameters(parseAbiParameters("address[], (uint256,bool)[], string"), [
      [alice, bob],
      [
        [1n, true],
        [2n, false],
      ],
      "hello",
    ]);
    const { call } = decodeAction(action(bob, args, signature), dao);
    expect(call).toMatchObject({ kind: "decoded", source: "signature", functionName: "_setMarkets", exact: true });
    if (call.kind !== "decoded") throw new Error("not decoded");
    expect(call.signature).toBe(signature);
    expect(call.args[1]?.value).toEqual([
      [1n, true],
      [2n, false],
    ]);
  });

  it.each([
    ["an unbalanced signature", "transfer(address"],
    ["a signature with code in it", 'x(); alert("1")'],
    ["a signature with an unknown type", "f(notatype)"],
  ])("refuses %s", (_, signature) => {
    expect(decodeAction(action(bob, "0x", signature), dao).call).toMatchObject({ kind: "unknown" });
  });

  it("says when a signature's arguments do not decode", () => {
    expect(decodeAction(action(bob, "0x1234", "transfer(address,uint256)"), dao).call).toMatchObject({
      kind: "unknown",
      selector: "0xa9059cbb",
    });
  });

  it("shows an unknown selector raw", () => {
    expect(decodeAction(action(bob, "0xdeadbeef0000"), dao).call).toEqual({
      kind: "unknown",
      selector: "0xdeadbeef",
      reason: "no known ABI has this function selector",
    });
  });

  it("treats empty calldata as a plain transfer and short calldata as unknown", () => {
    expect(decodeAction(action(bob, "0x", "", 10n ** 18n), dao).call).toEqual({ kind: "none" });
    expect(decodeAction(action(bob, "0x1234"), dao).call).toMatchObject({ kind: "unknown", selector: null });
  });

  it("says when a known selector's arguments do not decode", () => {
    expect(decodeAction(action(musdc, "0xa9059cbb0000"), dao).call).toMatchObject({
      kind: "unknown",
      selector: "0xa9059cbb",
      reason: "the arguments do not decode as transfer(address,uint256)",
    });
  });

  it("flags calldata with bytes beyond the arguments as not exact", () => {
    const calldata = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 1n] });
    const { call } = decodeAction(action(musdc, `${calldata}deadbeef`), dao);
    expect(call).toMatchObject({ kind: "decoded", functionName: "transfer", exact: false });
  });

  it("prefers the target's own ABI over the standard ones", () => {
    // The DAO token's transfer decodes with its own ABI (parameter names from the contract).
    const calldata = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 1n] });
    const { call } = decodeAction(action(dao.token, calldata), dao);
    expect(call).toMatchObject({ source: "token", functionName: "transfer" });
  });
});

describe("erc20Targets", () => {
  it("lists targets called with an ERC-20 amount function, once, except known tokens", () => {
    const transfer = encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [alice, 1n] });
    const other = encodeFunctionData({ abi: parseAbi(["function poke()"]), functionName: "poke" });
    const actions = [
      decodeAction(action(musdc, transfer), dao),
      decodeAction(action(musdc, transfer), dao),
      decodeAction(action(dao.token, transfer), dao),
      decodeAction(action(bob, other), dao),
      decodeAction(action(alice, "0x", "", 1n), dao),
    ];
    expect(erc20Targets(actions, new Set([dao.token.toLowerCase()]))).toEqual([musdc]);
  });
});
