// A small JSON reader that keeps the position of every key and value, so that a problem in
// `.nianbaorc.json` can be shown at the key it concerns. Accepts `//` and `/* */` comments (the file is
// JSON with comments, like VS Code's own settings); anything else that is not JSON is a syntax error
// with a Chinese message and the offset where reading stopped. Never throws.

export type JsonNode =
  | { type: 'object'; offset: number; length: number; properties: JsonProperty[] }
  | { type: 'array'; offset: number; length: number; items: JsonNode[] }
  | { type: 'string'; offset: number; length: number; value: string }
  | { type: 'number'; offset: number; length: number; value: number }
  | { type: 'boolean'; offset: number; length: number; value: boolean }
  | { type: 'null'; offset: number; length: number; value: null };

export interface JsonProperty {
  key: string;
  keyOffset: number;
  keyLength: number;
  value: JsonNode;
}

export interface JsonSyntaxError {
  offset: number;
  length: number;
  message: string;
}

export type JsoncResult = { ok: true; root: JsonNode; value: unknown } | { ok: false; error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(readonly error: JsonSyntaxError) {
    super(error.message);
  }
}

/** Nesting deeper than this is not a configuration file. */
const MAX_DEPTH = 64;

export function parseJsonc(text: string): JsoncResult {
  const reader = new Reader(text);
  try {
    reader.skipBlanks();
    if (reader.atEnd()) reader.fail('文件是空的，应为一个 JSON 对象（如 {}）', 0);
    const root = reader.value(0);
    reader.skipBlanks();
    if (!reader.atEnd()) reader.fail('JSON 值之后还有多余的内容');
    return { ok: true, root, value: toValue(root) };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.error };
    throw error;
  }
}

/** The plain value of a node (objects with the last value of a repeated key, like JSON.parse). */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        Object.defineProperty(out, p.key, { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    default:
      return node.value;
  }
}

/** The property at `path` (keys and array indices), or undefined. */
export function findProperty(root: JsonNode, path: readonly PropertyKey[]): JsonProperty | undefined {
  let node: JsonNode | undefined = root;
  let property: JsonProperty | undefined;
  for (const key of path) {
    if (!node) return undefined;
    if (node.type === 'object') {
      property = [...node.properties].reverse().find((p) => p.key === String(key));
      node = property?.value;
    } else if (node.type === 'array' && typeof key === 'number') {
      node = node.items[key];
      property = undefined;
    } else return undefined;
  }
  return property;
}

/** The node at `path`, or undefined. */
export function findNode(root: JsonNode, path: readonly PropertyKey[]): JsonNode | undefined {
  if (path.length === 0) return root;
  const last = path[path.length - 1];
  const parent = findNode(root, path.slice(0, -1));
  if (!parent) return undefined;
  if (parent.type === 'object') return [...parent.properties].reverse().find((p) => p.key === String(last))?.value;
  if (parent.type === 'array' && typeof last === 'number') return parent.items[last];
  return undefined;
}

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string, offset = this.pos, length = this.pos < this.text.length ? 1 : 0): never {
    throw new SyntaxFailure({ offset, length, message });
  }

  skipBlanks(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff' || c === '\u00a0' || c === '\u3000') {
        this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '/') {
        while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('注释「/*」没有用「*/」结束', this.pos, 2);
        this.pos = end + 2;
      } else break;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('嵌套层数过多');
    this.skipBlanks();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const offset = this.pos;
      const value = this.string();
      return { type: 'string', offset, length: this.pos - offset, value };
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        const offset = this.pos;
        this.pos += word.length;
        return value === null
          ? { type: 'null', offset, length: word.length, value: null }
          : { type: 'boolean', offset, length: word.length, value };
      }
    }
    if (this.atEnd()) this.fail('文件在此意外结束，此处应为一个值');
    if (c === "'") this.fail('字符串应使用双引号「"」，不能用单引号');
    if (c === '“' || c === '”') this.fail('这里是中文引号「“”」，JSON 的字符串应使用英文双引号「"」');
    this.fail(`此处应为一个值（字符串、数字、true、false、null、对象或数组），实为「${c}」`);
  }

  private object(depth: number): JsonNode {
    const offset = this.pos;
    this.pos++; // {
    const properties: JsonProperty[] = [];
    this.skipBlanks();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { type: 'object', offset, length: this.pos - offset, properties };
    }
    for (;;) {
      this.skipBlanks();
      const c = this.text[this.pos];
      if (c !== '"') {
        if (this.atEnd()) this.fail('文件在此意外结束，缺少「}」', offset, 1);
        if (c === '}' && properties.length > 0) this.fail('最后一个属性之后不能有逗号', this.lastComma, 1);
        this.fail(c === '“' || c === '”' ? '属性名应使用英文双引号「"」，不能用中文引号' : '此处应为带双引号的属性名');
      }
      const keyOffset = this.pos;
      const key = this.string();
      const keyLength = this.pos - keyOffset;
      this.skipBlanks();
      if (this.text[this.pos] !== ':') this.fail(this.text[this.pos] === '：' ? '应使用英文冒号「:」，不能用中文冒号「：」' : '属性名之后应为冒号「:」');
      this.pos++;
      const value = this.value(depth + 1);
      properties.push({ key, keyOffset, keyLength, value });
      if (this.closedAfterItem('}', offset, '属性之间应为逗号「,」，对象应以「}」结束')) {
        return { type: 'object', offset, length: this.pos - offset, properties };
      }
    }
  }

  /**
   * After an item of an object or array: a comma (false: another item follows) or the closing character
   * (true), each consumed; anything else fails with `otherwise` (a missing closer: at the opening one).
   */
  private closedAfterItem(close: '}' | ']', openedAt: number, otherwise: string): boolean {
    this.skipBlanks();
    const next = this.text[this.pos];
    if (next === ',') {
      this.lastComma = this.pos;
      this.pos++;
      return false;
    }
    if (next === close) {
      this.pos++;
      return true;
    }
    if (this.atEnd()) this.fail(`文件在此意外结束，缺少「${close}」`, openedAt, 1);
    this.fail(next === '，' ? '应使用英文逗号「,」，不能用中文逗号「，」' : otherwise);
  }

  private lastComma = 0;

  private array(depth: number): JsonNode {
    const offset = this.pos;
    this.pos++; // [
    const items: JsonNode[] = [];
    this.skipBlanks();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { type: 'array', offset, length: this.pos - offset, items };
    }
    for (;;) {
      this.skipBlanks();
      if (this.text[this.pos] === ']' && items.length > 0) this.fail('最后一项之后不能有逗号', this.lastComma, 1);
      items.push(this.value(depth + 1));
      if (this.closedAfterItem(']', offset, '数组的项之间应为逗号「,」，数组应以「]」结束')) {
        return { type: 'array', offset, length: this.pos - offset, items };
      }
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++; // "
    let out = '';
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\n' || c === '\r') this.fail('字符串没有结束（缺少右双引号「"」）', start, 1);
      if (c === '\\') {
        const e = t[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else this.fail('无效的转义序列', this.pos, 2);
        continue;
      }
      out += c;
      this.pos++;
    }
    this.fail('字符串没有结束（缺少右双引号「"」）', start, 1);
  }

  private number(): JsonNode {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) this.fail('无效的数字');
    const offset = this.pos;
    this.pos += m[0].length;
    return { type: 'number', offset, length: m[0].length, value: Number(m[0]) };
  }
}
