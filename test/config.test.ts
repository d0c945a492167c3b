// Configuration: the zod schema shared by the VS Code settings and `.nianbaorc.json`, the JSON reader
// that keeps key positions, problems reported at the offending key with zod's Chinese message, layering,
// the engine options a configuration stands for, and the manifest's settings matching the schema.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkOptionsOf,
  DEFAULT_CONFIG,
  FINDING_CODES,
  mergeConfig,
  parseRcText,
  resolveLocale,
  validateConfig,
} from '../shared/src/config';
import { checkText } from '../shared/src/engine';
import { parseJsonc } from '../shared/src/jsonc';
import { findRcFile, loadRcFile } from '../shared/src/rcFile';
import { RULES } from '../shared/src/rules';
import { SettingsProvider } from '../server/src/settings';
import { defined, firstOf, nth } from './support/defined';
import { corpusText } from './support/corpus';

/** The text a range covers (single line). */
function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return nth(text.split('\n'), range.start.line, 'line').slice(range.start.character, range.end.character);
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('.nianbaorc.json', () => {
  test('a good file: every key, no problem', () => {
    const text = `{
  // 表四的写法与标准不同时不提示
  "severity": { "heading-wording": "off", "date-missing": "warning" },
  "format": "2021",
  "locale": "en",
  "debounceMs": 500,
  "enable": true,
  "detectInPlainTextAndMarkdown": false
}`;
    const { config, problems } = parseRcText(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      severity: { 'heading-wording': 'off', 'date-missing': 'warning' },
      format: '2021',
      locale: 'en',
      debounceMs: 500,
      enable: true,
      detectInPlainTextAndMarkdown: false,
    });
  });

  test('bad JSON: one problem where reading stopped, in Chinese, and no configuration', () => {
    const text = '{\n  "format": "2021",\n  "locale": "en"\n  "debounceMs": 100\n}';
    const { config, problems } = parseRcText(text);
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
    assert.match(firstOf(problems).message, /^JSON 语法错误：属性之间应为逗号「,」/);
    assert.deepEqual(firstOf(problems).range.start, { line: 3, character: 2 });
  });

  test('bad JSON of the kinds clerks type: full-width punctuation, trailing comma, single quotes, empty file', () => {
    assert.match(firstOf(parseRcText('{ "format"： "2021" }').problems).message, /中文冒号/);
    assert.match(firstOf(parseRcText('{ "format": "2021"， "locale": "en" }').problems).message, /中文逗号/);
    assert.match(firstOf(parseRcText('{ “format”: "2021" }').problems).message, /中文引号/);
    const trailing = parseRcText('{ "format": "2021", }');
    assert.match(firstOf(trailing.problems).message, /最后一个属性之后不能有逗号/);
    assert.equal(firstOf(trailing.problems).range.start.character, 18);
    assert.match(firstOf(parseRcText("{ 'format': '2021' }").problems).message, /带双引号的属性名/);
    assert.match(firstOf(parseRcText('').problems).message, /文件是空的/);
    assert.match(firstOf(parseRcText('{ "format": "2021"').problems).message, /缺少「}」/);
  });

  test('wrong types: zod’s Chinese message at the offending key; the valid keys still apply', () => {
    const text =
      '{\n  "enable": "yes",\n  "format": 2021,\n  "debounceMs": -5,\n  "locale": "en",\n  "severity": { "row-total": "fatal", "balance": "off" }\n}';
    const { config, problems } = parseRcText(text);
    assert.deepEqual(config, { locale: 'en', severity: { balance: 'off' } });
    const byKey = new Map(problems.map((p) => [textAt(text, p.range), p.message]));
    assert.deepEqual([...byKey.keys()].sort(), ['"debounceMs"', '"enable"', '"format"', '"row-total"'].sort());
    assert.equal(byKey.get('"enable"'), '「enable」：无效输入：期望 boolean，实际接收 string');
    assert.match(byKey.get('"format"')!, /^「format」：无效选项：期望以下之一 "2019"\|"2021"\|"auto"$/);
    assert.match(byKey.get('"debounceMs"')!, /^「debounceMs」：数值过小/);
    assert.match(byKey.get('"row-total"')!, /^「severity\.row-total」：无效选项：期望以下之一 "error"\|"warning"\|"info"\|"hint"\|"off"$/);
    for (const p of problems) assert.match(p.message, CHINESE);
  });

  test('unknown keys and codes: one problem per key, listing what is allowed', () => {
    const text = '{ "severty": {}, "severity": { "row-totals": "off" }, "newReport": { "format": "markdown" } }';
    const { problems } = parseRcText(text);
    const byKey = new Map(problems.map((p) => [textAt(text, p.range), p.message]));
    assert.match(
      byKey.get('"severty"')!,
      /出现未知的键\(key\): "severty"（可用：enable、detectInPlainTextAndMarkdown、format、severity、debounceMs、locale）/,
    );
    assert.match(byKey.get('"row-totals"')!, /^「severity」：出现未知的键\(key\): "row-totals"（可用：section-missing、/);
    // The editor-only `newReport.format` is a VS Code setting, not a checking key.
    assert.ok(byKey.has('"newReport"'));
  });

  test('a file that is not an object: one problem at its start', () => {
    const { problems } = parseRcText('[1, 2]');
    assert.equal(problems.length, 1);
    assert.match(firstOf(problems).message, /期望 object，实际接收 array|无效输入/);
    assert.deepEqual(firstOf(problems).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });

  test('never throws, whatever the bytes', () => {
    for (const text of [
      '{',
      '}',
      '"',
      '{"a":',
      '{"a":1,,}',
      '/*',
      '[[[[[[',
      '\u0000',
      'null',
      'true',
      '{"__proto__": {"enable": false}}',
      '{"a":"\\u12"}',
      '1e999',
    ]) {
      const result = parseRcText(text);
      assert.ok(Array.isArray(result.problems));
    }
    const deep = '['.repeat(1000) + ']'.repeat(1000);
    assert.match(firstOf(parseRcText(deep).problems).message, /嵌套层数过多/);
  });
});

describe('the JSON reader', () => {
  test('a "__proto__" key is a key; brackets inside strings and comments do not count as nesting; a trailing comma in an array is marked', () => {
    const proto = parseJsonc('{"__proto__": {"enable": false}}');
    assert.ok(proto.ok);
    const value = proto.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal((value as { enable?: unknown }).enable, undefined);
    const brackets = '{"a": "' + '['.repeat(200) + '" /* ' + '{'.repeat(200) + ' */}';
    assert.ok(parseJsonc(brackets).ok);
    const trailing = parseJsonc('{"a": [1, 2, ]}');
    assert.ok(!trailing.ok && trailing.error.message === '最后一项之后不能有逗号' && trailing.error.offset === 11);
  });

  test('keeps positions and values; comments are blanks', () => {
    const text = '/* c */ {"a": [1, -2.5e1, "x\\n"], // c\n "b": {"c": null, "d": false}}';
    const result = parseJsonc(text);
    assert.ok(result.ok);
    assert.deepEqual(result.value, { a: [1, -25, 'x\n'], b: { c: null, d: false } });
    assert.equal(JSON.stringify(result.value), JSON.stringify({ a: [1, -25, 'x\n'], b: { c: null, d: false } }));
  });
});

describe('layers and engine options', () => {
  test('defaults ← VS Code settings ← .nianbaorc.json, severities merged per code', () => {
    const merged = mergeConfig(
      { severity: { 'row-total': 'warning', balance: 'off' }, format: '2019', locale: 'zh-cn' },
      { severity: { balance: 'error' }, locale: 'en' },
    );
    assert.deepEqual(merged.severity, { 'row-total': 'warning', balance: 'error' });
    assert.equal(merged.format, '2019');
    assert.equal(merged.locale, 'en');
    assert.equal(merged.debounceMs, DEFAULT_CONFIG.debounceMs);
    assert.deepEqual(mergeConfig(), { ...DEFAULT_CONFIG, severity: {}, newReport: { format: 'ask' } });
  });

  test('locale auto follows the display language; Chinese when it is unknown', () => {
    assert.equal(resolveLocale('auto', 'zh-cn'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'zh-tw'), 'zh-cn');
    assert.equal(resolveLocale('auto', 'en-US'), 'en');
    assert.equal(resolveLocale('auto', 'de'), 'en');
    assert.equal(resolveLocale('auto', undefined), 'zh-cn');
    assert.equal(resolveLocale('en', 'zh-cn'), 'en');
    assert.deepEqual(checkOptionsOf(mergeConfig({ severity: { balance: 'off' }, format: '2021' }), 'en'), {
      severities: { balance: 'off' },
      format: '2021',
      locale: 'en',
    });
  });

  test('VS Code settings: invalid values fall back to their defaults, each problem logged once in Chinese', async () => {
    const logged: string[] = [];
    const settings = {
      enable: true,
      format: '2022',
      debounceMs: 'fast',
      severity: { 'row-total': 'warning', nope: 'off' },
      newReport: { format: 'markdown' },
    };
    const provider = new SettingsProvider(
      async () => settings,
      (m) => logged.push(m),
    );
    const a = await provider.get('file:///a.md');
    await provider.get('file:///b.md');
    assert.equal(a.format, 'auto');
    assert.equal(a.debounceMs, 300);
    assert.deepEqual(a.severity, { 'row-total': 'warning' });
    assert.deepEqual(a.newReport, { format: 'markdown' });
    assert.equal(logged.length, 3, logged.join('\n'));
    assert.match(logged.join('\n'), /设置 nianbao\.format 无效，已使用默认值：「format」：无效选项/);
    assert.match(logged.join('\n'), /设置 nianbao\.debounceMs 无效，已使用默认值：「debounceMs」：无效输入：期望 数字，实际接收 string/);
    assert.match(logged.join('\n'), /设置 nianbao\.severity\.nope 无效/);
    assert.equal(provider.debounceMs('file:///a.md'), 300);
  });

  test('the rc file of a document wins over the VS Code settings', async () => {
    const provider = new SettingsProvider(
      async () => ({ locale: 'zh-cn', debounceMs: 100 }),
      () => undefined,
      {
        rc: () => ({ locale: 'en' }),
        displayLanguage: 'zh-cn',
      },
    );
    const s = await provider.get('file:///r.md');
    assert.equal(s.locale, 'en');
    assert.equal(s.debounceMs, 100);
    assert.equal(provider.checkOptions(s).locale, 'en');
    assert.equal(provider.debounceMs('file:///r.md'), 100);
  });

  test('validateConfig accepts the VS Code shape (nested newReport)', () => {
    assert.deepEqual(validateConfig({ newReport: { format: 'plaintext' } }, 'settings'), {
      config: { newReport: { format: 'plaintext' } },
      issues: [],
    });
  });

  test("nianbao.trace.server (the language client's own setting) is neither read nor reported by the server", () => {
    assert.deepEqual(validateConfig({ trace: { server: 'verbose' }, debounceMs: 50 }, 'settings'), {
      config: { debounceMs: 50 },
      issues: [],
    });
  });
});

describe('the format setting', () => {
  const text2023 = corpusText('003_558acb648baee211.txt');
  const text2020 = text2023.replace(/2023/g, '2020').replace(/2024/g, '2021');
  const legacy = (text: string, format: 'auto' | '2021' | '2019') =>
    checkText(text, { format }).findings.filter((f) => f.code === 'legacy-format').length;

  test('auto: the 2019 format is reported from the year 2021 on', () => {
    assert.equal(legacy(text2023, 'auto'), 2);
    assert.equal(legacy(text2020, 'auto'), 0);
  });

  test('2021: reported whatever the year; 2019: never', () => {
    assert.equal(legacy(text2020, '2021'), 2);
    assert.equal(legacy(text2023, '2019'), 0);
  });
});

describe('finding .nianbaorc.json on disk', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-rc-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, '.nianbaorc.json'), '{ "locale": "en" }');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the nearest one in the folder or above; none past the stop folder', () => {
    assert.equal(findRcFile(join(dir, 'a', 'b')), join(dir, '.nianbaorc.json'));
    assert.equal(findRcFile(join(dir, 'a', 'b'), join(dir, 'a')), undefined);
    assert.deepEqual(loadRcFile(join(dir, '.nianbaorc.json')).config, { locale: 'en' });
    const missing = loadRcFile(join(dir, 'nope.json'));
    assert.match(firstOf(missing.problems).message, /无法读取配置文件/);
  });
});

describe('the manifest matches the schema', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: {
      configuration: {
        properties: Record<
          string,
          { properties?: Record<string, unknown>; description?: string; markdownDescription?: string; enumDescriptions?: string[] }
        >;
      };
    };
  };
  const properties = manifest.contributes.configuration.properties;

  test('one VS Code setting per key of the schema, the same defaults', () => {
    const keys = Object.keys(properties).map((k) => k.replace(/^nianbao\./, ''));
    // trace.server is read by vscode-languageclient itself, not by the server's schema.
    assert.deepEqual(
      keys.sort(),
      [
        'checkWorkspace',
        'debounceMs',
        'detectInPlainTextAndMarkdown',
        'enable',
        'format',
        'locale',
        'maxDocumentSize',
        'newReport.format',
        'severity',
        'trace.server',
      ].sort(),
    );
    const defaults = Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [k.replace(/^nianbao\./, ''), (v as { default?: unknown }).default]),
    );
    assert.equal(defaults.enable, DEFAULT_CONFIG.enable);
    assert.equal(defaults.debounceMs, DEFAULT_CONFIG.debounceMs);
    assert.equal(defaults.format, DEFAULT_CONFIG.format);
    assert.equal(defaults.locale, DEFAULT_CONFIG.locale);
    assert.equal(defaults['newReport.format'], DEFAULT_CONFIG.newReport.format);
    assert.equal(defaults.checkWorkspace, DEFAULT_CONFIG.checkWorkspace);
    assert.equal(DEFAULT_CONFIG.checkWorkspace, false);
  });

  test('nianbao.severity lists every finding code', () => {
    assert.deepEqual(
      Object.keys(defined(properties['nianbao.severity'], 'nianbao.severity').properties!).sort(),
      [...FINDING_CODES].sort(),
    );
    assert.deepEqual([...FINDING_CODES].sort(), RULES.map((r) => r.code).sort());
  });

  test('every %key% of the manifest is translated in English and Chinese', () => {
    const text = readFileSync('package.json', 'utf8');
    const keys = [...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    const en = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8')) as Record<string, string>;
    for (const key of keys) {
      assert.ok(key, 'an empty %key%');
      assert.ok(en[key], `package.nls.json: ${key}`);
      const chinese = zh[key];
      assert.ok(chinese, `package.nls.zh-cn.json: ${key}`);
      assert.match(chinese, CHINESE, `${key} in Chinese`);
    }
  });
});
