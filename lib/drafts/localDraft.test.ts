import { describe, expect, it } from "vitest";
import { startingPoint } from "./localDraft";

const server = { form: "server text", version: 3, updatedAt: "2026-01-02T00:00:00.000Z" };
const at = (iso: string) => Date.parse(iso);

describe("startingPoint: which text the draft editor opens with", () => {
  it("takes the server's when the device has nothing, or nothing unsaved", () => {
    expect(startingPoint(null, server)).toEqual({ form: "server text", source: "server" });
    expect(
      startingPoint({ form: "old", baseVersion: 1, editedAt: at("2026-01-05T00:00:00Z"), synced: true }, server),
    ).toEqual({ form: "server text", source: "server" });
  });

  it("takes the device's unsaved edits made on top of the server's version (a reload before the save)", () => {
    expect(
      startingPoint({ form: "typed", baseVersion: 3, editedAt: at("2026-01-01T00:00:00Z"), synced: false }, server),
    ).toEqual({ form: "typed", source: "device" });
  });

  it("takes whichever is newer when the server moved on since the device's edits began", () => {
    expect(
      startingPoint(
        { form: "typed later", baseVersion: 2, editedAt: at("2026-01-03T00:00:00Z"), synced: false },
        server,
      ),
    ).toEqual({ form: "typed later", source: "device" });
    expect(
      startingPoint(
        { form: "typed before", baseVersion: 2, editedAt: at("2026-01-01T00:00:00Z"), synced: false },
        server,
      ),
    ).toEqual({ form: "server text", source: "server" });
  });
});
