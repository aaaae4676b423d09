import { describe, expect, it } from "vitest";
import { readVoteQuery, voteQueryHref } from "./voteListQuery";

describe("readVoteQuery", () => {
  it("reads support, sort and page", () => {
    expect(readVoteQuery({ support: "abstain", sort: "recent", page: "3" })).toEqual({
      support: "abstain",
      sort: "recent",
      page: 3,
    });
  });

  it("falls back to the defaults for anything odd", () => {
    expect(readVoteQuery({ support: "toString", sort: ["recent"], page: "-1" })).toEqual({
      support: undefined,
      sort: "weight",
      page: 1,
    });
    expect(readVoteQuery({ page: "0" }).page).toBe(1);
    expect(readVoteQuery({ page: "99999999" }).page).toBe(1);
  });
});

describe("voteQueryHref", () => {
  it("writes only what differs from the defaults, and jumps to the votes", () => {
    const query = readVoteQuery({});
    expect(voteQueryHref(query, {})).toBe("?#votes");
    expect(voteQueryHref(query, { support: "for", page: 2 })).toBe("?support=for&page=2#votes");
    expect(voteQueryHref({ support: "for", sort: "recent", page: 4 }, { page: 1 })).toBe(
      "?support=for&sort=recent#votes",
    );
  });
});
