// The encodings real users' files have (shared/src/inputs/encoding.ts): read like their UTF-8 text,
// written back byte for byte, and only nonsense refused with advice.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { decodeBytes, encodeText, encodingOfCharset, SAVE_AS_UTF8, type TextEncoding } from '../shared/src/inputs/encoding';

const REPORT = readFileSync('examples/errors.nianbao.md', 'utf8');
const CRLF_REPORT = REPORT.replace(/\n/g, '\r\n');

describe('decodeBytes', () => {
  const cases: { name: string; bytes: Buffer; encoding: TextEncoding; bom: boolean }[] = [
    { name: 'UTF-8', bytes: Buffer.from(CRLF_REPORT, 'utf8'), encoding: 'utf-8', bom: false },
    { name: 'UTF-8 with BOM', bytes: Buffer.from('\ufeff' + CRLF_REPORT, 'utf8'), encoding: 'utf-8', bom: true },
    { name: 'GBK/GB18030 (Notepad "ANSI", WPS)', bytes: iconv.encode(CRLF_REPORT, 'gbk'), encoding: 'gb18030', bom: false },
    {
      name: 'UTF-16 LE with BOM (Notepad "Unicode")',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CRLF_REPORT, 'utf16le')]),
      encoding: 'utf-16le',
      bom: true,
    },
    { name: 'UTF-16 BE with BOM', bytes: iconv.encode(CRLF_REPORT, 'utf16be', { addBOM: true }), encoding: 'utf-16be', bom: true },
    {
      name: 'GB18030 with its BOM',
      bytes: Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(CRLF_REPORT, 'gb18030')]),
      encoding: 'gb18030',
      bom: true,
    },
  ];

  for (const c of cases) {
    it(`reads ${c.name} as the same text, and encodes it back to the same bytes`, () => {
      const result = decodeBytes(c.bytes);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      assert.equal(result.text, CRLF_REPORT);
      assert.equal(result.encoding, c.encoding);
      assert.equal(result.bom, c.bom);
      assert.ok(encodeText(result.text, result.encoding, result.bom).equals(c.bytes), 'byte for byte');
    });
  }

  it('reads characters beyond GBK (four-byte GB18030) and rare names', () => {
    const text = '二〇二四年，朱镕基、王堃在𠀀市发布本机关政府信息公开工作年度报告，费用 €5。\n';
    const result = decodeBytes(iconv.encode(text, 'gb18030'));
    assert.ok(result.ok && result.text === text && result.encoding === 'gb18030');
  });

  it('refuses bytes that no decoding makes sensible, saying to save as UTF-8', () => {
    const refused = [
      randomBytes(4096),
      Buffer.from('Résumé of the cafés\n', 'latin1'), // Latin-1: é followed by ASCII reads as rare hanzi
      Buffer.from('Café ÄÖÜ straße\n', 'latin1'),
      Buffer.from([0xb0, 0xa1, 0x0a, 0x80, 0x81]), // a dangling lead byte
      Buffer.from([0xff, 0xfe, 0x00, 0xd8]), // UTF-16 with an unpaired surrogate
    ];
    for (const bytes of refused) {
      const result = decodeBytes(bytes);
      assert.equal(result.ok, false, bytes.toString('hex').slice(0, 40));
      assert.ok(!result.ok && result.reason.includes(SAVE_AS_UTF8), !result.ok ? result.reason : '');
    }
    const nul = decodeBytes(Buffer.from('a\u0000b', 'utf8'));
    assert.ok(!nul.ok && /NUL/.test(nul.reason));
  });

  it('uses a declared charset after a BOM and before guessing (HTML <meta charset>)', () => {
    const bytes = iconv.encode('政府信息公开', 'gbk');
    const declared = decodeBytes(bytes, { declared: 'GB2312' });
    assert.ok(declared.ok && declared.text === '政府信息公开' && declared.encoding === 'gb18030');
    assert.equal(encodingOfCharset('x-gbk'), 'gb18030');
    assert.equal(encodingOfCharset('UTF8'), 'utf-8');
    assert.equal(encodingOfCharset('shift_jis'), undefined);
    // A BOM wins over the declaration, as in browsers.
    const bom = decodeBytes(Buffer.from('\ufeff政府', 'utf8'), { declared: 'gbk' });
    assert.ok(bom.ok && bom.text === '政府' && bom.encoding === 'utf-8');
  });
});
