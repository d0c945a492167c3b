// JSON written piece by piece: a document whose one big array (the files, the SARIF results) is written
// item by item as the files are checked, so that memory does not grow with the number of files.
// The text is exactly what JSON.stringify(document, null, 2) would print for the finished document.

/** Stands in the skeleton for the array written item by item. */
export const STREAMED_ARRAY = '\u0000nianbao:streamed-array\u0000';
/** Stands in the skeleton for a value known only at the end (e.g. SARIF's invocations). */
export const LATE_VALUE = '\u0000nianbao:late-value\u0000';

const INDENT = '  ';

function indentLines(text: string, indent: string): string {
  return text.replace(/\n/g, '\n' + indent);
}

/**
 * A pretty-printed JSON document with one array streamed. `skeleton` holds STREAMED_ARRAY exactly once
 * (or is it) and LATE_VALUE at most once; `begin()` returns the text up to the array's first item,
 * `item()` each item with its separator, `end(late)` the rest with the late value filled in.
 */
export class JsonStream {
  private readonly head: string;
  private readonly tail: string;
  /** Indentation of the array's own line (its items are one level deeper). */
  private readonly indent: string;
  private count = 0;

  constructor(skeleton: unknown) {
    const text = JSON.stringify(skeleton, null, 2);
    const marker = JSON.stringify(STREAMED_ARRAY);
    const at = text.indexOf(marker);
    if (at < 0) throw new Error('JsonStream: the skeleton has no STREAMED_ARRAY');
    const lineStart = text.lastIndexOf('\n', at) + 1;
    this.indent = /^ */.exec(text.slice(lineStart))![0];
    this.head = text.slice(0, at);
    this.tail = text.slice(at + marker.length);
  }

  /** Items written so far. */
  get items(): number {
    return this.count;
  }

  begin(): string {
    return this.head + '[';
  }

  item(value: unknown): string {
    const inner = this.indent + INDENT;
    const separator = this.count++ === 0 ? '\n' : ',\n';
    return separator + inner + indentLines(JSON.stringify(value, null, 2), inner);
  }

  end(late?: unknown): string {
    const close = this.count === 0 ? ']' : '\n' + this.indent + ']';
    const marker = JSON.stringify(LATE_VALUE);
    const at = this.tail.indexOf(marker);
    if (at < 0) return close + this.tail + '\n';
    const lineStart = this.tail.lastIndexOf('\n', at) + 1;
    const indent = /^ */.exec(this.tail.slice(lineStart))![0];
    const value = indentLines(JSON.stringify(late ?? null, null, 2), indent);
    return close + this.tail.slice(0, at) + value + this.tail.slice(at + marker.length) + '\n';
  }
}
