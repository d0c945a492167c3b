// The verdicts of ../shared/corpus/EXPECTED.md as data: `severity code@line` (1-based), hints left
// out. Used by the corpus test and by the real-editor suite, so both hold the checker to the same list.

const rowLabelLines = Array.from({ length: 90 - 72 + 1 }, (_, i) => 72 + i);

export const EXPECTED: Record<string, string[]> = {
  // 2019 format in tables 二 and 三; no errors.
  '000_50ad684e5c01058f.txt': ['warning legacy-format@18', 'warning legacy-format@320'],
  // Web page: no errors, no warnings. Section 六 says only 「无。」: nothing about 信息处理费, which the
  // 2021 format (its tables are on it) asks to state, also when none was collected: fee-missing is true.
  '001_379ac197dfb659af.txt': ['info fee-missing@591'],
  // Section 六 says 「没有其他需要报告的事项」, nothing about 信息处理费 (2021 format): fee-missing is true.
  '002_af8524dfc621a99c.txt': ['warning heading-numbering@57', 'warning heading-numbering@361', 'info fee-missing@409'],
  '003_558acb648baee211.txt': [
    'warning title-missing@1',
    'info heading-wording@8',
    'info heading-wording@27',
    'info heading-wording@54',
    'info heading-wording@59',
    'warning legacy-format@10',
    'warning legacy-format@51',
  ],
  '004_e78bd4d7919f679b.txt': [
    'warning title-missing@3',
    'info heading-wording@94',
    ...[68, 69, 70, 71, 91, 92].map((l) => `error cell-missing@${l}`),
    ...rowLabelLines.map((l) => `warning row-label-missing@${l}`),
    'info date-missing@129',
  ],
  '005_hongze_2023_pdftotext.txt': [
    // The typo 2.其他法律行政止公开 is still row （三）2, with a wording note.
    'info label-wording@108',
    'warning legacy-format@130',
    'error review-total@149',
    'error review-total@149',
    'info date-missing@168',
  ],
  // The whole report on line 10: one real balance error (in the 自然人 column and so in 总计 too).
  '006_pingtan_police_2021_onepage.txt': ['error balance@10', 'error balance@10'],
  // Web page, TAB between cells: 规范性文件 in a 2021 table 2, five blank columns of table 3 (one finding each),
  // 五、存在的主要问题及整改措施.
  '007_shuyang_fgj_2023_tabs.txt': [
    'info label-wording@27',
    ...[1, 2, 3, 4, 5].map(() => 'error cell-missing@42'),
    'info heading-wording@72',
  ],
};

/** One verdict of EXPECTED: `severity code@line`. */
export interface ExpectedFinding {
  severity: string;
  code: string;
  line: number;
}

/** The verdicts of EXPECTED for a corpus file (by its name), parsed. */
export function expectedFindings(name: string): ExpectedFinding[] {
  const verdicts = EXPECTED[name];
  if (verdicts === undefined) throw new Error(`EXPECTED says nothing of ${name}`);
  return verdicts.map((v) => {
    const m = /^(error|warning|info) ([a-z-]+)@(\d+)$/.exec(v);
    if (!m) throw new Error(`not a verdict: ${v}`);
    const [, severity = '', code = '', line = ''] = m;
    return { severity, code, line: Number(line) };
  });
}
