// Finding messages in Chinese (default) and English: the same findings, only the words differ.

import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, runRules } from '../shared/src/engine';
import { en, enManifest } from '../shared/src/i18n/en';
import { zhCN, zhCNManifest, type MessageKey } from '../shared/src/i18n/zh-cn';
import { format, msg } from '../shared/src/messages';
import { readReport } from '../shared/src/reader';
import { defineRule, ruleByCode, RULES } from '../shared/src/rules';
import { consistentData, renderReport, withFault } from './support/reportFixture';
import { firstOf, nth } from './support/defined';
import { corpusReports, corpusText } from './support/corpus';

const HAN = /[\u4e00-\u9fff]/g;
const ERRORS_MD = readFileSync('examples/errors.nianbao.md', 'utf8');

/** The message without text quoted from the document (「…」, labels, numbers): what the language is. */
function ownWords(message: string): string {
  return message.replace(/「[^」]*」/g, '').replace(/[（(][一二三四五六七][）)]/g, '');
}

describe('messages in English', () => {
  test('the same finding, en vs zh (row-total of errors.nianbao.md)', () => {
    const zh = checkText(ERRORS_MD).findings;
    const en = checkText(ERRORS_MD, { locale: 'en' }).findings;
    assert.equal(firstOf(zh).message, '「三、本年度办理结果·（一）予以公开」·总计 应为 18（自然人至其他六列之和），实为 19');
    assert.equal(
      firstOf(en).message,
      '「三、本年度办理结果·（一）予以公开」·总计 should be 18 (the sum of the six columns 自然人 to 其他), found 19',
    );
    assert.deepEqual(
      en.map((f) => [f.code, f.severity, f.range]),
      zh.map((f) => [f.code, f.severity, f.range]),
    );
    assert.match(
      nth(en, 2).message,
      /^Section 5 「五、存在的主要问题及改进情况」 is missing \(it belongs before 「其他需要报告的事项」\)$/,
    );
    // Related information is translated too.
    assert.ok(firstOf(en).related!.every((r) => !/^减 /.test(r.message)));
  });

  test('every finding on every corpus file and on faulty generated reports has an English message', () => {
    const texts = corpusReports().map(corpusText);
    const data = consistentData(7);
    for (const encoding of ['markdown', 'pipe', 'tab'] as const) {
      texts.push(renderReport(withFault(data, { rowId: 't3.carriedOut', column: 0, delta: 2 }), encoding).text);
    }
    let count = 0;
    for (const text of texts) {
      const zh = checkText(text).findings;
      const en = checkText(text, { locale: 'en' }).findings;
      assert.deepEqual(
        en.map((f) => f.code),
        zh.map((f) => f.code),
      );
      en.forEach((f, i) => {
        count++;
        assert.notEqual(f.message, nth(zh, i).message, `${f.code} translated`);
        const words = ownWords(f.message).match(HAN) ?? [];
        // Chinese left in an English message is quoted document text (labels, column names), never the sentence.
        assert.ok(words.length <= ownWords(f.message).length / 2, `${f.code}: ${f.message}`);
        assert.doesNotMatch(f.message, /\{\w+\}/, 'every argument filled');
      });
    }
    assert.ok(count > 40, `${count} findings compared`);
  });

  test('the language belongs to each check: none is left behind, even by a rule that throws; one model read in two languages', () => {
    const zhMessage = '「三、本年度办理结果·（一）予以公开」·总计 应为 18（自然人至其他六列之和），实为 19';
    const rule = ruleByCode('date-missing')!;
    const original = rule.check;
    try {
      rule.check = () => {
        throw new Error('boom');
      };
      assert.notEqual(firstOf(checkText(ERRORS_MD, { locale: 'en', onRuleError: () => {} }).findings, 'finding').message, zhMessage);
    } finally {
      rule.check = original;
    }
    assert.equal(firstOf(checkText(ERRORS_MD).findings, 'finding').message, zhMessage);
    // The same model checked in English, then in Chinese (table 3's findings are shared by three rules).
    const model = readReport(ERRORS_MD);
    const en = runRules(model, { locale: 'en' });
    const zh = runRules(model);
    assert.equal(firstOf(zh, 'finding').message, zhMessage);
    assert.match(firstOf(en, 'finding').message, /should be 18/);
  });
});

describe('the message table', () => {
  test('every template has both languages with the same arguments', () => {
    const pairs = [
      ...(Object.keys(zhCN) as MessageKey[]).map((key) => [key, { zh: zhCN[key], en: en[key] }] as const),
      ...(Object.keys(zhCNManifest) as (keyof typeof zhCNManifest)[]).map(
        (key) => [key, { zh: zhCNManifest[key], en: enManifest[key] }] as const,
      ),
    ];
    for (const [key, t] of pairs) {
      const args = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.ok(t.zh.length > 0 && t.en.length > 0, key);
      assert.deepEqual(
        args(t.en).filter((a) => a !== 'number' && a !== 'otherNumber'),
        args(t.zh).filter((a) => a !== 'numeral' && a !== 'otherNumeral'),
        key,
      );
    }
    assert.equal(format('{a} + {b}', { a: 1 }), '1 + {b}');
    assert.equal(msg('related.term', { name: '自然人', value: 3 }, 'en'), '自然人 = 3');
  });

  test('every rule has an English description', () => {
    for (const rule of RULES) assert.ok(rule.description.en.length > 0, rule.code);
  });
});

describe("a rule's own messages", () => {
  const rule = defineRule({
    code: 'own-words',
    severity: 'info',
    description: { zh: '测试', en: 'test' },
    messages: {
      'zh-cn': { 'own-words': '第 {line} 行是标题', 'own-words.fix': '删除标题' },
      en: { 'own-words': 'line {line} is the title', 'own-words.fix': 'Remove the title' },
    },
    check(model, { msg }) {
      if (!model.title) return [];
      const range = model.title.range;
      // Its own words and the catalogue's, in the language of the check.
      return [
        {
          range,
          message: msg('own-words', { line: range.start.line + 1 }),
          related: [{ range, message: msg('fix.remove', { text: '' }) }],
        },
      ];
    },
  });

  test('are written in the language of the check, beside the catalogue', () => {
    const model = readReport(ERRORS_MD);
    const [zh] = runRules(model, {}, [rule as unknown as (typeof RULES)[number]]);
    const [en] = runRules(model, { locale: 'en' }, [rule as unknown as (typeof RULES)[number]]);
    assert.equal(zh!.message, '第 1 行是标题');
    assert.equal(en!.message, 'line 1 is the title');
    assert.equal(zh!.related![0]!.message, '删除「」');
    assert.equal(en!.related![0]!.message, 'Remove 「」');
  });

  test('English has the keys of Chinese (a type error otherwise)', () => {
    defineRule({
      code: 'missing-english',
      severity: 'info',
      description: { zh: '测试', en: 'test' },
      // @ts-expect-error: the English messages lack a key of the Chinese ones
      messages: { 'zh-cn': { a: '甲', b: '乙' }, en: { a: 'A' } },
      check: () => [],
    });
    assert.ok(true);
  });
});

describe('the order of findings', () => {
  // Two findings at the same place come in the order of their codes, compared as plain strings: never
  // through the process's collation (String.prototype.localeCompare follows LANG, and its first call
  // loads ICU's collator, about 7 ms).
  const at = (code: string) =>
    defineRule({
      code,
      severity: 'info',
      description: { zh: '测试', en: 'test' },
      messages: { 'zh-cn': { [code]: '同一处' }, en: { [code]: 'same place' } },
      check(model, { msg }) {
        return model.title ? [{ range: model.title.range, message: msg(code) }] : [];
      },
    }) as unknown as (typeof RULES)[number];

  test('at the same place, by code, whatever the locale', () => {
    const model = readReport(ERRORS_MD);
    const localeCompare = Object.getOwnPropertyDescriptor(String.prototype, 'localeCompare')!;
    Object.defineProperty(String.prototype, 'localeCompare', {
      ...localeCompare,
      value: () => {
        throw new Error('localeCompare called');
      },
    });
    try {
      const codes = runRules(model, {}, [at('same-place-z'), at('same-place-a'), at('same-place-m')]).map((f) => f.code);
      assert.deepEqual(codes, ['same-place-a', 'same-place-m', 'same-place-z']);
    } finally {
      Object.defineProperty(String.prototype, 'localeCompare', localeCompare);
    }
  });
});
