/**
 * Joins class names, skipping falsy values: the tiny `clsx` every component uses to accept a
 * `className` prop. It does not resolve Tailwind conflicts (no tailwind-merge), so components put
 * their own look first and callers add layout (margins, widths) rather than override colours.
 */

export type ClassValue = string | false | null | undefined;

/**
 * @example cn("rounded", isActive && "font-semibold", className) // "rounded font-semibold mt-2"
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
