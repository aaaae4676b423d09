/**
 * A rehype plugin for untrusted markdown: raw HTML becomes literal text (it is shown, never
 * parsed), invisible characters become visible markers (`<span data-invisible>⟨U+202E⟩</span>`),
 * and a code block's language label keeps only a plain name (the label is free text:
 * ```"><script> must not reach a class attribute unfiltered), and anything nested deeper than
 * `maxElementDepth` is flattened to its text so rendering cannot overflow the stack. Runs in one
 * pass over the tree.
 */
import { splitInvisible } from "./invisibleCharacters";

// Minimal hast shapes (https://github.com/syntax-tree/hast): only what this plugin reads or writes.
type HastText = { type: "text"; value: string };
type HastRaw = { type: "raw"; value: string };
type HastElement = {
  type: "element";
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
};
type HastNode = HastText | HastRaw | HastElement | { type: "comment" | "doctype"; value?: string };
type HastParent = { type: string; children: HastNode[] };

/** Elements nested deeper than this keep only their text. */
export const maxElementDepth = 48;

const languageClass = /^language-[A-Za-z0-9_+#.-]{1,32}$/;

function textNodes(value: string): HastNode[] {
  return splitInvisible(value).map((part) =>
    typeof part === "string"
      ? { type: "text", value: part }
      : {
          type: "element",
          tagName: "span",
          properties: { dataInvisible: part.codePoint.toString(16) },
          children: [{ type: "text", value: part.marker }],
        },
  );
}

function cleanCodeClass(element: HastElement): void {
  const className = element.properties.className;
  if (!Array.isArray(className)) return;
  const kept = className.filter((name) => typeof name === "string" && languageClass.test(name));
  element.properties.className = kept.length > 0 ? kept : undefined;
}

/** The text of a subtree, without recursion. */
function textContent(node: HastNode): string {
  let text = "";
  const stack: HastNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as HastNode;
    if (current.type === "text" || current.type === "raw") text += current.value;
    else if (current.type === "element")
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as HastNode);
  }
  return text;
}

function walk(parent: HastParent, depth: number): void {
  const children: HastNode[] = [];
  for (const child of parent.children) {
    if (child.type === "text" || child.type === "raw") {
      children.push(...textNodes(child.value));
    } else if (child.type === "element") {
      if (child.tagName === "code") cleanCodeClass(child);
      if (depth >= maxElementDepth) child.children = [{ type: "text", value: textContent(child) }];
      walk(child, depth + 1);
      children.push(child);
    }
    // Comments and doctypes are dropped.
  }
  parent.children = children;
}

/**
 * @example
 * <Markdown rehypePlugins={[rehypeSafeText]}>{description}</Markdown>
 */
export function rehypeSafeText() {
  return (tree: unknown) => {
    walk(tree as HastParent, 0);
  };
}
