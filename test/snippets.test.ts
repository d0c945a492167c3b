// The report template: the new-report text, the snippets built from it (expanded the way VS Code
// expands them, then checked), and the generated files (grammars, snippets, schema, manifest
// translations) being up to date with their sources.

import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedFileTexts, generatedPartTexts } from '../shared/src/contrib/index';
import { RULES } from '../shared/src/rules';
import { checkText } from '../shared/src/engine';
import {
  defaultReportYear,
  newReportText,
  snippetsFor,
  validateAgency,
  validateYear,
  type ReportStyle,
  type Snippet,
} from '../shared/src/newReport';
import type { Finding } from '../shared/src/model';
import { PROSE_PROMPTS } from '../shared/src/template';
import { describeFindings, textAt } from './support/findings';
import { defined } from './support/defined';

const STYLES: readonly ReportStyle[] = ['markdown', 'plaintext'];

/**
 * Expands a snippet body like VS Code: `${n:default}` (defaults may nest), `${n}` and `$n` mirror the
 * value of tab stop n, `$0` is the final cursor, `$NAME`/`${NAME}` are variables; `\$ \} \\` are escapes.
 * `values` fills chosen tab stops; the others take their defaults.
 */
function expandSnippet(body: string[], values: Record<number, string>, variables: Record<string, string>): string {
  const text = body.join('\n');
  const chosen = new Map<number, string>(Object.entries(values).map(([k, v]) => [Number(k), v]));
  let i = 0;
  const parse = (until?: string): string => {
    let out = '';
    while (i < text.length) {
      const c = text.charAt(i);
      const next = text.charAt(i + 1);
      if (c === '\\' && next !== '' && '$}\\'.includes(next)) {
        out += next;
        i += 2;
      } else if (until && c === until) {
        return out;
      } else if (c === '$') {
        const simple = /^\$(\d+|[A-Z_]+)/.exec(text.slice(i));
        const braced = /^\$\{(\d+|[A-Z_]+)(\}|:)/.exec(text.slice(i));
        if (braced) {
          i += braced[0].length;
          const [, name = '', close] = braced;
          let fallback = '';
          if (close === ':') {
            fallback = parse('}');
            i++; // }
          }
          out += resolve(name, fallback);
        } else if (simple) {
          const [whole, name = ''] = simple;
          i += whole.length;
          out += resolve(name, '');
        } else {
          out += c;
          i++;
        }
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  const resolve = (name: string, fallback: string): string => {
    if (/^\d+$/.test(name)) {
      const n = Number(name);
      if (n === 0) return '';
      if (!chosen.has(n) && fallback !== '') chosen.set(n, fallback);
      return chosen.get(n) ?? fallback;
    }
    const value = variables[name];
    assert.ok(value !== undefined, `unknown snippet variable ${name}`);
    return value;
  };
  // Two passes so that a mirror `${1}` before the placeholder with the default gets the same value.
  parse();
  i = 0;
  return parse();
}

/** The seven prose prompts of the template are what is left to write: one placeholder warning each, nothing else. */
function assertOnlyPromptsLeft(text: string, findings: Finding[]): void {
  const lines = text.split('\n');
  const prompts = [...PROSE_PROMPTS.overview.map(([, p]) => p), PROSE_PROMPTS.problems, PROSE_PROMPTS.other];
  assert.deepEqual(
    findings.map((f) => `${f.code} ${f.severity} ${textAt(lines, f.range)}`),
    prompts.map((p) => `placeholder warning ${p}`),
    describeFindings(findings, text),
  );
}

/**
 * The report with every prose prompt replaced by a sentence of the report's own; section 六's prompt asks
 * for the 信息处理费 collected (fee-missing), so its sentence states it as a real report would.
 */
function replacePrompts(text: string): string {
  return text.replace(/【[^】]*】/g, (prompt) =>
    prompt.includes('信息处理费') ? '本机关本年度未收取信息处理费。' : '本机关按照《条例》要求完成了相关工作。',
  );
}

const VARIABLES = { CURRENT_YEAR: '2025', CURRENT_MONTH: '01', CURRENT_DATE: '20' };

function snippet(style: ReportStyle, prefix: string): Snippet {
  const found = Object.values(snippetsFor(style)).find((s) => s.prefix.includes(prefix));
  assert.ok(found, `a ${style} snippet with prefix ${prefix}`);
  return found;
}

describe('the whole-report snippet', () => {
  for (const style of STYLES) {
    test(`${style}: filled with an agency and a year, the only findings are the 【】 prompts still to replace; replaced, none at all`, () => {
      const text = expandSnippet(snippet(style, '年报').body, { 1: '青山县自然资源局', 2: '2024' }, VARIABLES);
      const { model, findings } = checkText(text);
      assert.ok(model.isReport, 'looks like a report (so detection finds it in .md/.txt files)');
      assertOnlyPromptsLeft(text, findings);
      const written = replacePrompts(text);
      assert.deepEqual(checkText(written).findings, [], describeFindings(checkText(written).findings, written));
      assert.equal(model.title?.agency, '青山县自然资源局');
      assert.equal(model.year, 2024);
      assert.deepEqual(Object.keys(model.tables).sort(), ['table2', 'table3', 'table4']);
      assert.deepEqual(model.closing.date, { year: 2025, month: 1, day: 20 });
      assert.match(text, /统计期限为2024年1月1日至2024年12月31日。如对本报告有疑问，请与青山县自然资源局联系。/);
    });
  }

  test('its prefixes in Chinese and pinyin; tab stops 1 and 2 are the agency and the year', () => {
    for (const style of STYLES) {
      const s = snippet(style, 'nianbao');
      assert.deepEqual(s.prefix.slice(0, 2), ['年报', 'nianbao']);
      const body = s.body.join('\n');
      assert.match(body, /\$\{1:【机关名称】\}\$\{2:【年份】\}年政府信息公开工作年度报告/);
      assert.equal(body.match(/\$\{1:/g)!.length, 1, 'one default, mirrors elsewhere');
      assert.ok(body.match(/\$\{2\}/g)!.length >= 2);
    }
  });

  test('unfilled, the placeholders are visible prompts, each a placeholder warning, not a plausible report', () => {
    const text = expandSnippet(snippet('markdown', '年报').body, {}, VARIABLES);
    assert.match(text, /^# 【机关名称】【年份】年政府信息公开工作年度报告/);
    assert.match(text, /【本年度主动公开政府信息的数量、渠道和重点领域。】/);
    const prompts = checkText(text, { force: true }).findings.filter((f) => f.code === 'placeholder');
    const lines = text.split('\n');
    assert.deepEqual(
      prompts.slice(0, 2).map((f) => textAt(lines, f.range)),
      ['【机关名称】', '【年份】'],
    );
  });
});

describe('table and heading snippets', () => {
  test('表二 / 表三 / 表四 expand to the tables of the whole report, each number a tab stop', () => {
    for (const style of STYLES) {
      const whole = expandSnippet(snippet(style, '年报').body, { 1: '甲局', 2: '2024' }, VARIABLES);
      for (const [zh, pinyin, stops] of [
        ['表二', 'biao2', 10],
        ['表三', 'biao3', 175],
        ['表四', 'biao4', 15],
      ] as const) {
        const s = snippet(style, zh);
        assert.ok(s.prefix.includes(pinyin));
        const expanded = expandSnippet(s.body, {}, VARIABLES).trimEnd();
        assert.ok(whole.includes(expanded), `${style} ${zh} is the report's own table`);
        assert.equal(s.body.join('\n').match(/\$\{\d+:0\}/g)?.length, stops, `${style} ${zh}: one tab stop per number`);
      }
    }
  });

  test('each section heading, findable by its words and pinyin', () => {
    const s = snippet('markdown', '收到和处理政府信息公开申请情况');
    assert.deepEqual(s.body, ['## 三、收到和处理政府信息公开申请情况', '', '$0']);
    assert.ok(s.prefix.includes('yishenqing'));
    assert.deepEqual(snippet('plaintext', 'zongtiqingkuang').body, ['一、总体情况', '', '$0']);
  });
});

describe('the new-report command’s text', () => {
  for (const style of STYLES) {
    test(`${style}: with the agency, the year and the date filled in, only the 【】 prompts are findings; replaced, the checker passes it`, () => {
      const text = newReportText({ agency: ' 示例县卫生健康局 ', year: 2024, style, date: new Date(2025, 0, 8) });
      const { model, findings } = checkText(text);
      assertOnlyPromptsLeft(text, findings);
      assert.deepEqual(checkText(replacePrompts(text)).findings, [], 'the prompts replaced, no finding at all');
      assert.equal(model.title?.agency, '示例县卫生健康局');
      assert.deepEqual(model.closing.date, { year: 2025, month: 1, day: 8 });
      assert.equal(model.closing.agency, '示例县卫生健康局');
      assert.ok(!text.includes('${'), 'no snippet syntax');
      assert.equal(text.startsWith('# '), style === 'markdown');
    });
  }

  test('the input checks of the command', () => {
    assert.equal(validateAgency('青山县自然资源局'), undefined);
    assert.match(validateAgency('  ')!, /请输入机关名称/);
    assert.match(validateAgency('甲|乙')!, /「\|」/);
    assert.equal(validateYear('2024'), undefined);
    assert.match(validateYear('24')!, /四位数/);
    assert.match(validateYear('1999')!, /2008/);
    assert.equal(defaultReportYear(new Date(2025, 0, 5)), 2024);
  });
});

describe('generated files', () => {
  test('syntaxes/, snippets/, schemas/ and package.nls*.json match their sources (run `npm run generate`)', () => {
    for (const [path, text] of Object.entries(generatedFileTexts())) {
      let onDisk: string;
      try {
        onDisk = readFileSync(path, 'utf8');
      } catch {
        assert.fail(`${path} is missing: run npm run generate`);
      }
      assert.equal(onDisk, text, `${path} is out of date: run npm run generate`);
    }
  });

  test("package.json's nianbao.severity and the README's table of codes match the rules (run `npm run generate`)", () => {
    const parts = generatedPartTexts();
    assert.deepEqual(Object.keys(parts).sort(), ['README.md', 'package.json']);
    for (const [path, text] of Object.entries(parts))
      assert.equal(readFileSync(path, 'utf8'), text, `${path} is out of date: run npm run generate`);
    // Every rule has its row, with its default severity.
    for (const rule of RULES)
      assert.ok(defined(parts['README.md'], 'README.md').includes(`| \`${rule.code}\` | ${rule.severity} | `), rule.code);
    // A code added by hand only would be removed: the table and the settings are the registry's.
    const stale = generatedPartTexts((path) =>
      path === 'README.md'
        ? readFileSync(path, 'utf8').replace(
            '| code | severity | what it means |\n|---|---|---|\n',
            (m) => m + '| `stale-code` | info | gone |\n',
          )
        : readFileSync(path, 'utf8').replace(
            '"properties": {\n            "section-missing"',
            '"properties": {\n            "stale-code": {},\n            "section-missing"',
          ),
    );
    assert.equal(stale['README.md'], parts['README.md']);
    assert.equal(stale['package.json'], parts['package.json']);
  });

  test('the manifest contributes every generated grammar and snippet file', () => {
    const manifest = readFileSync('package.json', 'utf8');
    for (const path of Object.keys(generatedFileTexts())) {
      if (path.startsWith('package.nls')) continue;
      assert.ok(manifest.includes(`./${path}`), `package.json points at ./${path}`);
    }
  });
});
