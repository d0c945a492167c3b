// The bytes of a saved web page → text, in the encoding the page declares: a BOM, else `<meta charset>` /
// `<meta http-equiv="Content-Type" content="…; charset=…">` (or an XML declaration) in its first
// kilobytes, else UTF-8 when the bytes are valid UTF-8, else GB18030 (Chinese government sites that
// declare nothing are GBK). The decoding itself is the text files' (encoding.ts).

import { decodeBytes, type DecodeResult } from './encoding';

const SNIFF_BYTES = 4096;

/** The charset a page declares, lower-cased, or undefined. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1');
  const declared =
    /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
  return declared?.toLowerCase();
}

export function decodeHtmlBytes(bytes: Uint8Array): DecodeResult {
  return decodeBytes(bytes, { declared: declaredCharset(bytes) });
}
