// The bytes of a saved web page → text, in the encoding the page declares: a BOM, else `<meta charset>` /
// `<meta http-equiv="Content-Type" content="…; charset=…">` (or an XML declaration) in its first
// kilobytes, else UTF-8 when the bytes are valid UTF-8, else GB18030 (Chinese government sites that
// declare nothing are GBK). Decoding with iconv-lite: it knows GB2312/GBK/GB18030/Big5 whether or not
// the Node that runs us was built with full ICU.

import * as iconv from 'iconv-lite';

export type DecodedPage = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const SNIFF_BYTES = 4096;

/** The charset a page declares, lower-cased, or undefined. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1');
  const meta = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return xml ? xml[1].toLowerCase() : undefined;
}

/** Browsers read gb2312 and gbk pages as GBK, whose superset is GB18030. */
function effectiveEncoding(label: string): string {
  if (label === 'gb2312' || label === 'gbk' || label === 'x-gbk' || label === 'gb_2312-80' || label === 'euc-cn' || label === 'cp936') return 'gb18030';
  return label;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeHtmlBytes(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  if (declared) {
    const encoding = effectiveEncoding(declared);
    if (!iconv.encodingExists(encoding)) return { ok: false, reason: `网页声明的编码「${declared}」无法识别` };
    return { ok: true, text: iconv.decode(Buffer.from(bytes), encoding), encoding };
  }
  try {
    return { ok: true, text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
