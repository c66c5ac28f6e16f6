import { createRequire } from 'node:module';
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type * as RemarkGfm from 'remark-gfm';
import type * as RemarkParse from 'remark-parse';
import type * as Unified from 'unified';
import { tidy } from './text';

/**
 * unified and remark load on the first parse, not at start-up: a bot that starts from a cached deck
 * (cache.ts) never parses markdown, and loading them is ~100 ms of its start. require() of these ES
 * modules is synchronous on Node >= 20.19, so parseMarkdown stays synchronous.
 */
function createProcessor() {
  const require = createRequire(import.meta.url);
  const { unified } = require('unified') as typeof Unified;
  const remarkParse = (require('remark-parse') as typeof RemarkParse).default;
  const remarkGfm = (require('remark-gfm') as typeof RemarkGfm).default;
  return unified().use(remarkParse).use(remarkGfm);
}
let processor: ReturnType<typeof createProcessor> | undefined;

export function parseMarkdown(markdown: string): Root {
  return (processor ??= createProcessor()).parse(markdown);
}

/** Plain text of a node (emphasis and code flattened). */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  if (node.type === 'break') return ' ';
  return '';
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

export interface NamedText {
  /** The item's name: a leading **bold** run, or a short "Label:" prefix. */
  name?: string;
  /** What follows the name (without the colon), or the whole text when there is no name. */
  rest: string;
  bold: boolean;
}

const PLAIN_NAME = /^((?:[^:()]|\([^():]*\)){2,60}?):(\s|$)/;

/** Split `**Name**: description` / `Name: description` into name and description. */
export function splitNamed(paragraph: Paragraph | undefined, hasNested: boolean): NamedText {
  if (!paragraph) return { rest: '', bold: false };
  const [first, ...others] = paragraph.children as PhrasingContent[];
  if (first?.type === 'strong') {
    const name = tidy(plainText(first)).replace(/:$/, '');
    // "**Name** (SageMaker): text" — the parenthesis qualifies the name; the text follows it.
    const rest = tidy(others.map(plainText).join(''))
      .replace(/^:\s*/, '')
      .replace(/^\([^)]*\):\s+(?=\S)/, '');
    return { name, rest, bold: true };
  }
  const text = tidy(plainText(paragraph));
  const match = PLAIN_NAME.exec(text);
  const label = match?.[1];
  if (label !== undefined && label.split(' ').length <= 8 && /^[\p{Lu}\d]/u.test(label)) {
    return { name: label.trim(), rest: text.slice(match![0].length).trim(), bold: false };
  }
  // A short title line with its description in a nested list (e.g. "Modelos Amazon Titan").
  if (hasNested && text.length <= 60 && !/[.!?]$/.test(text)) return { name: text, rest: '', bold: false };
  return { rest: text, bold: false };
}

export function itemParts(item: ListItem): { paragraph?: Paragraph; nested?: List } {
  const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
  const nested = item.children.find((c): c is List => c.type === 'list');
  return { paragraph, nested };
}
