/**
 * An address's identicon (lib/format/identicon) as a small inline SVG: server-rendered, no image
 * request, the same picture wherever the address appears. Decorative: the address or name beside
 * it is what a screen reader reads.
 */
import type { CSSProperties } from "react";
import { cn } from "@/lib/format/cn";
import { identicon } from "@/lib/format/identicon";

export type IdenticonProps = { address: string; className?: string; style?: CSSProperties };

/** @example <Identicon address={delegate.address} className="size-5" /> */
export function Identicon({ address, className, style }: IdenticonProps) {
  const { size, background, color, spot, cells } = identicon(address);
  const rects: { x: number; y: number; width: number; fill: string }[] = [];
  for (let y = 0; y < size; y += 1) {
    // One rectangle per run of same-coloured cells in a row keeps the markup small.
    let x = 0;
    while (x < size) {
      const cell = cells[y * size + x] ?? 0;
      let end = x + 1;
      while (end < size && cells[y * size + end] === cell) end += 1;
      if (cell !== 0) rects.push({ x, y, width: end - x, fill: cell === 1 ? color : spot });
      x = end;
    }
  }
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      focusable="false"
      shapeRendering="crispEdges"
      data-identicon={address.toLowerCase()}
      className={cn("size-5 shrink-0 rounded-full", className)}
      style={style}
    >
      <rect width={size} height={size} fill={background} />
      {rects.map((rect) => (
        <rect key={`${rect.x}-${rect.y}`} x={rect.x} y={rect.y} width={rect.width} height={1} fill={rect.fill} />
      ))}
    </svg>
  );
}
