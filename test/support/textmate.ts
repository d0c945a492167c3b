// Tokenizes text with the extension's TextMate grammars, the way VS Code does (vscode-textmate +
// vscode-oniguruma, the same libraries). Markdown's own grammar ships with VS Code, not here: a small
// stand-in (headings and paragraphs, scope text.html.markdown) hosts the injection grammar instead.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = process.cwd();
export const GRAMMAR_PATH = resolve(ROOT, 'syntaxes/nianbao.tmLanguage.json');
export const INJECTION_PATH = resolve(ROOT, 'syntaxes/nianbao.markdown-injection.tmLanguage.json');
const ONIG_WASM = resolve(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm');

/** Enough of Markdown to host an injection: ATX headings and paragraphs. */
export const MARKDOWN_STAND_IN = {
  scopeName: 'text.html.markdown',
  patterns: [
    {
      name: 'markup.heading.markdown',
      match: '^(#{1,6})\\s+(.*)$',
      captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown' } },
    },
    { name: 'markup.fenced_code.block.markdown', begin: '^```', end: '^```' },
    { name: 'meta.paragraph.markdown', match: '^.+$' },
  ],
};

export interface Token {
  text: string;
  scopes: string[];
}

let registryPromise: Promise<vsctm.Registry> | undefined;

function registry(): Promise<vsctm.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(ONIG_WASM);
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const onigLib: Promise<vsctm.IOnigLib> = Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    });
    const injection = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as { scopeName: string };
    return new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        if (scopeName === 'text.nianbao') return vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
        if (scopeName === injection.scopeName) return vsctm.parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
        if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(JSON.stringify(MARKDOWN_STAND_IN), 'markdown.json');
        return null;
      },
      // As package.json's `injectTo`: the injection grammar applies inside Markdown.
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
    });
  })();
  return registryPromise;
}

export async function loadGrammar(scopeName: 'text.nianbao' | 'text.html.markdown'): Promise<vsctm.IGrammar> {
  const grammar = await (await registry()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} not found`);
  return grammar;
}

/** Tokens of each line of `text`, tokenized in order (state carried from line to line). */
export function tokenizeLines(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r\n|\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

export function tokenizeLine(grammar: vsctm.IGrammar, line: string): Token[] {
  const [tokens] = tokenizeLines(grammar, line);
  if (!tokens) throw new Error('tokenizeLines gave no line');
  return tokens;
}

/** The scopes of the token(s) covering exactly `text` on the line (first occurrence), or undefined. */
export function scopesOf(tokens: Token[], text: string): string[] | undefined {
  const line = tokens.map((t) => t.text).join('');
  const start = line.indexOf(text);
  if (start < 0) return undefined;
  let offset = 0;
  const covering: Token[] = [];
  for (const t of tokens) {
    const end = offset + t.text.length;
    if (end > start && offset < start + text.length) covering.push(t);
    offset = end;
  }
  // Scopes every covering token shares.
  return covering.reduce<string[]>((shared, t, i) => (i === 0 ? [...t.scopes] : shared.filter((s) => t.scopes.includes(s))), []);
}

/** Readable dump for assertion messages. */
export function describeTokens(tokens: Token[]): string {
  return tokens.map((t) => `«${t.text}» ${t.scopes.slice(1).join(' ')}`).join('\n');
}
