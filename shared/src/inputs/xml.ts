// The parsed tree of an HTML page or a Word XML part (htmlparser2 + domhandler), seen through the few
// properties the readers use.

import { parseDocument } from 'htmlparser2';

export interface XNode {
  type: string;
  /** Text nodes. */
  data?: string;
  /** Elements: the tag name as written (`w:tc`, `td`). */
  name?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
}

export function parseXml(text: string): XNode {
  return parseDocument(text, { xmlMode: true }) as unknown as XNode;
}

export function parseHtml(text: string): XNode {
  // lowerCaseTags / lowerCaseAttributeNames are the defaults outside xmlMode.
  return parseDocument(text, { decodeEntities: true }) as unknown as XNode;
}

export function isElement(node: XNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** `tc` for `w:tc`: Word's parts always use the `w` prefix, but the local name is what matters. */
export function localName(node: XNode): string {
  const name = node.name ?? '';
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** An attribute by its local name (`w:val` → `val`). */
export function attribute(node: XNode, name: string): string | undefined {
  const attribs = node.attribs;
  if (!attribs) return undefined;
  if (attribs[name] !== undefined) return attribs[name];
  for (const key of Object.keys(attribs)) if (key.endsWith(`:${name}`)) return attribs[key];
  return undefined;
}

export function childElements(node: XNode): XNode[] {
  return (node.children ?? []).filter(isElement);
}
