/**
 * The picture a link to Commons shows in a forum, a chat or a social network (Open Graph /
 * Twitter card, 1200×630), drawn by next/og from plain elements with inline styles (its renderer
 * knows flexbox only). Texts must come through lib/og/previewText: untrusted, and limited to what
 * the bundled font draws.
 */
import type { ReactElement } from "react";

export const previewSize = { width: 1200, height: 630 };

export type PreviewResult = { label: string; share: number; color: string };

export type PreviewCardProps = {
  /** "Demo DAO · Foundry" */
  eyebrow: string;
  title: string;
  /** A state badge (the proposal's live state), if any. */
  badge?: { label: string; color: string } | undefined;
  /** The current result: each side's share of the votes cast (0–100). */
  results?: readonly PreviewResult[] | undefined;
  /** One line under the results: "Quorum reached", "1,234 votes"… */
  detail?: string | undefined;
};

/** @example new ImageResponse(<PreviewCard eyebrow="Demo DAO" title="Fund the grants program" />, previewSize) */
export function PreviewCard({ eyebrow, title, badge, results, detail }: PreviewCardProps): ReactElement {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#fafafa",
        color: "#18181b",
        fontSize: 28,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
        <div style={{ display: "flex", color: "#52525b" }}>{eyebrow}</div>
        {badge ? (
          <div
            style={{
              display: "flex",
              color: "#ffffff",
              background: badge.color,
              borderRadius: 999,
              padding: "8px 24px",
              fontSize: 26,
            }}
          >
            {badge.label}
          </div>
        ) : null}
      </div>
      <div style={{ display: "flex", fontSize: title.length > 80 ? 52 : 64, lineHeight: 1.15, letterSpacing: -1 }}>
        {title}
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
        {results && results.length > 0 ? (
          <div style={{ display: "flex", flexDirection: "column", gap: 14 }}>
            <div style={{ display: "flex", width: "100%", height: 18, borderRadius: 9, background: "#e4e4e7" }}>
              {results
                .filter((result) => result.share > 0)
                .map((result) => (
                  <div
                    key={result.label}
                    style={{ display: "flex", width: `${result.share}%`, background: result.color }}
                  />
                ))}
            </div>
            <div style={{ display: "flex", gap: 40 }}>
              {results.map((result) => (
                <div key={result.label} style={{ display: "flex", alignItems: "center", gap: 12 }}>
                  <div style={{ display: "flex", width: 18, height: 18, borderRadius: 9, background: result.color }} />
                  <div style={{ display: "flex" }}>{`${result.label} ${result.share.toFixed(1)}%`}</div>
                </div>
              ))}
            </div>
          </div>
        ) : null}
        <div style={{ display: "flex", justifyContent: "space-between", color: "#71717a", fontSize: 24 }}>
          <div style={{ display: "flex" }}>{detail ?? ""}</div>
          <div style={{ display: "flex" }}>Commons</div>
        </div>
      </div>
    </div>
  );
}
