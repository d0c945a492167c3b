// `.nianbaorc.json` is JSON with comments, like VS Code's own settings: read with VS Code's own reader,
// jsonc-parser, which keeps the offset of every key and value. What is ours: the syntax errors in
// Chinese, with a hint for what clerks type (full-width ，：“”, single quotes, a trailing comma), and
// plain values built without a prototype setter (`"__proto__"` is a key like any other). Never throws.

// The ES module build: the UMD one `require`s its parts through a parameter, which a bundler cannot follow.
import {
  createScanner,
  getLocation,
  parseTree,
  printParseErrorCode,
  stripComments,
  type Node,
  type ParseError,
} from 'jsonc-parser/lib/esm/main.js';

export type JsonNode = Node;

export interface JsonSyntaxError {
  offset: number;
  length: number;
  message: string;
}

export type JsoncResult = { ok: true; root: JsonNode; value: unknown } | { ok: false; error: JsonSyntaxError };

/** Nesting deeper than this is not a configuration file (and would strain a recursive reader). */
const MAX_DEPTH = 64;

export function parseJsonc(text: string): JsoncResult {
  if (stripComments(text).trim() === '') return fail(0, 0, '文件是空的，应为一个 JSON 对象（如 {}）');
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) return fail(tooDeep, 1, '嵌套层数过多');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) return { ok: false, error: describeError(text, first) };
  if (root === undefined) return fail(0, 0, '文件是空的，应为一个 JSON 对象（如 {}）');
  return { ok: true, root, value: toValue(root) };
}

function fail(offset: number, length: number, message: string): JsoncResult {
  return { ok: false, error: { offset, length, message } };
}

/** The offset of the first bracket deeper than MAX_DEPTH (strings and comments are tokens, not brackets). */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== 17 /* EOF */; token = scanner.scan()) {
    if (token === 1 /* { */ || token === 3 /* [ */) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (token === 2 /* } */ || token === 4 /* ] */) depth--;
  }
  return undefined;
}

/** The plain value of a node (objects with the last value of a repeated key, like JSON.parse). */
function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        Object.defineProperty(out, String(key.value), { value: toValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

/** The property node (its children: key, value) at `path`, the last of a repeated key; or undefined. */
export function findProperty(root: JsonNode, path: readonly PropertyKey[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  let property: JsonNode | undefined;
  for (const key of path) {
    if (node?.type === 'object') {
      property = [...(node.children ?? [])].reverse().find((p) => p.children?.[0]?.value === String(key));
      node = property?.children?.[1];
    } else if (node?.type === 'array' && typeof key === 'number') {
      node = node.children?.[key];
      property = undefined;
    } else return undefined;
  }
  return property;
}

/** The last non-blank character before `offset` and where it is. */
function previousNonBlank(text: string, offset: number): { char: string; offset: number } | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (!/\s/.test(char)) return { char, offset: i };
  }
  return undefined;
}

/** One Chinese sentence for jsonc-parser's first error, placed where the clerk must look. */
function describeError(text: string, error: ParseError): JsonSyntaxError {
  const { offset } = error;
  const length = offset < text.length ? 1 : 0;
  const at = (message: string, where = offset, size = length): JsonSyntaxError => ({ offset: where, length: size, message });
  const c = text[offset];
  const atKey = () => getLocation(text, offset).isAtPropertyKey || previousNonBlank(text, offset)?.char === '{';
  if (c === '：') return at('应使用英文冒号「:」，不能用中文冒号「：」');
  if (c === '，') return at('应使用英文逗号「,」，不能用中文逗号「，」');
  if (c === '“' || c === '”')
    return at(atKey() ? '属性名应使用英文双引号「"」，不能用中文引号' : '这里是中文引号「“”」，JSON 的字符串应使用英文双引号「"」');
  if (c === "'") return at(atKey() ? '此处应为带双引号的属性名' : '字符串应使用双引号「"」，不能用单引号');
  const end = offset >= text.length;
  switch (printParseErrorCode(error.error)) {
    case 'PropertyNameExpected':
    case 'ValueExpected': {
      const previous = previousNonBlank(text, offset);
      if ((c === '}' || c === ']') && previous?.char === ',') {
        return at(c === '}' ? '最后一个属性之后不能有逗号' : '最后一项之后不能有逗号', previous.offset, 1);
      }
      if (end) return at('文件在此意外结束，此处应为一个值');
      if (printParseErrorCode(error.error) === 'PropertyNameExpected') return at('此处应为带双引号的属性名');
      return at(`此处应为一个值（字符串、数字、true、false、null、对象或数组），实为「${c}」`);
    }
    case 'ColonExpected':
      return at('属性名之后应为冒号「:」');
    case 'CommaExpected': {
      const inArray = typeof getLocation(text, offset).path.at(-1) === 'number';
      if (end) return at(`文件在此意外结束，缺少「${inArray ? ']' : '}'}」`);
      return at(inArray ? '数组的项之间应为逗号「,」，数组应以「]」结束' : '属性之间应为逗号「,」，对象应以「}」结束');
    }
    case 'CloseBraceExpected':
      return at('文件在此意外结束，缺少「}」');
    case 'CloseBracketExpected':
      return at('文件在此意外结束，缺少「]」');
    case 'EndOfFileExpected':
      return at('JSON 值之后还有多余的内容');
    case 'UnexpectedEndOfString':
      return at('字符串没有结束（缺少右双引号「"」）');
    case 'UnexpectedEndOfComment':
      return at('注释「/*」没有用「*/」结束', offset, 2);
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return at('无效的转义序列', offset, Math.min(2, text.length - offset));
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return at('无效的数字');
    case 'InvalidCharacter':
      return at('字符串中不能有控制字符（换行、制表符等应写成 \\n、\\t）');
    default:
      return at(end ? '文件在此意外结束，此处应为一个值' : `此处有无法识别的内容「${c}」`);
  }
}
