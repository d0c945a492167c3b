// Conversion artifacts: Word bookmarks, web-page chrome and PDF page footers left in the text.

import type { RuleFinding } from '../model';
import { defineRule } from './rule';
import { lineText } from './util';

const HAS_DIGIT_RE = /[0-9０-９]/;

export const conversionArtifact = defineRule({
  code: 'conversion-artifact',
  severity: 'hint',
  description: {
    zh: '转换留下的杂质：Word 书签、网页导航、PDF 页码',
    en: 'Leftovers of a conversion: Word bookmarks, web-page chrome, PDF page numbers',
  },
  check(model, { msg }) {
    return model.artifacts.map((a): RuleFinding => {
      const removal = a.wholeLine
        ? {
            start: { line: a.range.start.line, character: 0 },
            end:
              a.range.start.line + 1 < model.lines.length
                ? { line: a.range.start.line + 1, character: 0 }
                : { line: a.range.start.line, character: lineText(model, a.range.start.line).length },
          }
        : a.range;
      const removed = a.wholeLine ? lineText(model, a.range.start.line) : a.text;
      return {
        range: a.range,
        message: msg('conversion-artifact', { kind: msg(`artifact.${a.kind}`), text: a.text }),
        fix: {
          title: msg('fix.remove', { text: a.text }),
          edits: [{ range: removal, newText: '' }],
          // Text with a number in it (a page number, a date in web-page chrome) goes only when the user says so.
          ...(HAS_DIGIT_RE.test(removed) ? { explicitOnly: true } : {}),
        },
        data: { kind: a.kind, replaced: removed },
      };
    });
  },
});

/** The README's line for `conversion-artifact` (generated into its table of finding codes). */
export const conversionArtifactDoc = '`[bookmark: …]`, web-page chrome, PDF page numbers';
