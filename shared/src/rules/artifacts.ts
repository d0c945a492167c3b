// Conversion artifacts: Word bookmarks, web-page chrome and PDF page footers left in the text.

import { msg } from '../messages';
import type { Finding } from '../model';
import type { Rule } from './rule';

const HAS_DIGIT_RE = /[0-9０-９]/;

export const conversionArtifact: Rule = {
  code: 'conversion-artifact',
  severity: 'hint',
  description: '转换留下的杂质：Word 书签、网页导航、PDF 页码',
  check(model) {
    return model.artifacts.map((a): Finding => {
      const removal = a.wholeLine
        ? {
            start: { line: a.range.start.line, character: 0 },
            end:
              a.range.start.line + 1 < model.lines.length
                ? { line: a.range.start.line + 1, character: 0 }
                : { line: a.range.start.line, character: model.lines[a.range.start.line].length },
          }
        : a.range;
      const removed = a.wholeLine ? model.lines[a.range.start.line] : a.text;
      return {
        code: 'conversion-artifact',
        severity: 'hint',
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
};

export const ARTIFACT_RULES: Rule[] = [conversionArtifact];
