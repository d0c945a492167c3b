// What each template row, column and section counts: one line from the format's own explanation
// (国办公开办函〔2021〕30号 and 《中华人民共和国政府信息公开条例》), in Chinese and English.
// Used by hovers and completion items.

import { localized, type Locale } from './messages';

export interface Explanation {
  zh: string;
  en: string;
}

export const ROW_EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  // Table 2
  't2.rules': {
    zh: '本机关制发的规章件数（本年制发、本年废止、现行有效）。',
    en: 'Rules (规章) made by the agency: issued this year, repealed this year, in force.',
  },
  't2.normative': {
    zh: '本机关制发的行政规范性文件件数（本年制发、本年废止、现行有效）。',
    en: 'Normative documents (行政规范性文件) issued by the agency: issued this year, repealed this year, in force.',
  },
  't2.licensing': { zh: '本年作出的行政许可处理决定数量。', en: 'Administrative licensing decisions made this year.' },
  't2.otherServices': { zh: '其他对外管理服务事项（2019 年格式才有此项）。', en: 'Other external management services (2019 format only).' },
  't2.penalty': {
    zh: '本年作出的行政处罚决定数量（数字大是正常的）。',
    en: 'Administrative penalty decisions made this year (large numbers are normal).',
  },
  't2.enforcement': { zh: '本年作出的行政强制决定数量。', en: 'Administrative enforcement decisions made this year.' },
  't2.fees': {
    zh: '本年行政事业性收费金额，单位万元，可有小数。',
    en: 'Administrative fees collected this year, in 10,000 yuan (decimals allowed).',
  },
  't2.purchase': {
    zh: '政府集中采购项目数量和总金额（2019 年格式才有此项）。',
    en: 'Centralised government procurement: projects and amount (2019 format only).',
  },
  // Table 3
  't3.new': { zh: '本年度新收到的政府信息公开申请件数。', en: 'Disclosure requests received this year.' },
  't3.carriedIn': {
    zh: '上年度未办结、转入本年度继续办理的申请件数，应等于上年报告的「四、结转下年度继续办理」。',
    en: 'Requests carried over from last year; equals last year’s 「四、结转下年度继续办理」.',
  },
  't3.granted': { zh: '予以公开：所申请的信息全部公开。', en: 'Granted: all the requested information was disclosed.' },
  't3.partly': {
    zh: '部分公开：区分处理后公开了一部分；这样的申请只计在这一项，不计其他情形。',
    en: 'Partly granted after separating what can be disclosed; counted here only, not under any other result.',
  },
  't3.withheld.1': { zh: '不予公开：属于国家秘密（《条例》第十四条）。', en: 'Withheld: a state secret (Regulations art. 14).' },
  't3.withheld.2': {
    zh: '不予公开：其他法律、行政法规禁止公开（《条例》第十四条）。',
    en: 'Withheld: disclosure forbidden by other laws or regulations (art. 14).',
  },
  't3.withheld.3': {
    zh: '不予公开：公开后可能危及国家安全、公共安全、经济安全、社会稳定（《条例》第十四条）。',
    en: 'Withheld: disclosure would endanger national, public or economic security or social stability (art. 14).',
  },
  't3.withheld.4': {
    zh: '不予公开：涉及商业秘密、个人隐私等，公开会损害第三方合法权益（《条例》第十五条）。',
    en: 'Withheld: trade secrets, privacy or other lawful rights of a third party (art. 15).',
  },
  't3.withheld.5': {
    zh: '不予公开：人事管理、后勤管理、内部工作流程等内部事务信息（《条例》第十六条第一款）。',
    en: 'Withheld: internal affairs — personnel, logistics, internal procedures (art. 16 para. 1).',
  },
  't3.withheld.6': {
    zh: '不予公开：讨论记录、过程稿、磋商信函、请示报告等过程性信息（《条例》第十六条第二款）。',
    en: 'Withheld: process information — minutes, drafts, consultation letters, internal reports (art. 16 para. 2).',
  },
  't3.withheld.7': {
    zh: '不予公开：行政执法案卷信息（《条例》第十六条第二款）。',
    en: 'Withheld: administrative enforcement case files (art. 16 para. 2).',
  },
  't3.withheld.8': {
    zh: '不予公开：属于应通过行政查询渠道获取的事项。',
    en: 'Withheld: the information is to be obtained through an administrative inquiry channel.',
  },
  't3.unable.1': { zh: '无法提供：经检索，本机关没有所申请的信息。', en: 'Cannot provide: the agency does not hold the information.' },
  't3.unable.2': {
    zh: '无法提供：需要对现有信息加工、分析才能提供，不属于应提供的已有信息（《条例》第三十八条）。',
    en: 'Cannot provide: the information would have to be produced or analysed anew (art. 38).',
  },
  't3.unable.3': {
    zh: '无法提供：申请内容不明确，经告知补正后仍不明确（《条例》第三十条）。',
    en: 'Cannot provide: the request is still unclear after correction (art. 30).',
  },
  't3.notProcessed.1': {
    zh: '不予处理：以政府信息公开申请的形式进行信访、投诉、举报（《条例》第三十九条）。',
    en: 'Not processed: petitions, complaints or reports made in the form of a request (art. 39).',
  },
  't3.notProcessed.2': { zh: '不予处理：重复申请公开相同的政府信息。', en: 'Not processed: a repeated request for the same information.' },
  't3.notProcessed.3': {
    zh: '不予处理：要求提供政府公报、报刊、书籍等公开出版物（《条例》第三十九条）。',
    en: 'Not processed: a request for published material such as gazettes, newspapers, books (art. 39).',
  },
  't3.notProcessed.4': {
    zh: '不予处理：申请的数量、频次明显超过合理范围且无正当理由（《条例》第三十五条）。',
    en: 'Not processed: an unreasonable number or frequency of requests without good reason (art. 35).',
  },
  't3.notProcessed.5': {
    zh: '不予处理：要求行政机关确认或重新出具已获取的信息（《条例》第三十九条）。',
    en: 'Not processed: a request to confirm or re-issue information already obtained (art. 39).',
  },
  't3.otherHandling.1': {
    zh: '其他处理：申请人无正当理由逾期不补正，行政机关不再处理（《条例》第三十条）。',
    en: 'Other: the applicant did not correct the request in time; no longer processed (art. 30).',
  },
  't3.otherHandling.2': {
    zh: '其他处理：申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理（《条例》第四十二条）。',
    en: 'Other: the applicant did not pay the processing fee in time; no longer processed (art. 42).',
  },
  't3.otherHandling.3': {
    zh: '其他处理：其他情形（如申请人撤回申请）。',
    en: 'Other: any other outcome (e.g. the request was withdrawn).',
  },
  't3.otherHandling': {
    zh: '其他处理（2019 年格式为一行；2021 年格式分为 3 项）。',
    en: 'Other outcomes (one row on the 2019 format; three rows on the 2021 format).',
  },
  't3.resultsTotal': {
    zh: '本年度办理结果合计：（一）至（六）各项之和。',
    en: 'Total of this year’s results: the sum of （一） to （六）.',
  },
  't3.carriedOut': {
    zh: '截至年底尚未办结、结转下年度继续办理的申请件数。',
    en: 'Requests still open at the end of the year, carried over to next year.',
  },
  // Table 4
  't4.cases': {
    zh: '因政府信息公开工作被申请行政复议、被提起行政诉讼的案件数，按结果分为维持、纠正、其他、尚未审结。',
    en: 'Administrative reviews and lawsuits about information disclosure, by result: upheld, corrected, other, pending.',
  },
};

export const SECTION_EXPLANATIONS: readonly Explanation[] = [
  {
    zh: '概述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况。',
    en: 'Overview: proactive disclosure, requests, information management, platforms, oversight.',
  },
  { zh: '主动公开政府信息情况，含表二。', en: 'Proactive disclosure, with table 2.' },
  { zh: '收到和处理政府信息公开申请情况，含表三。', en: 'Requests received and how they were handled, with table 3.' },
  { zh: '政府信息公开行政复议、行政诉讼情况，含表四。', en: 'Administrative reviews and lawsuits, with table 4.' },
  {
    zh: '存在的主要问题及改进情况，含上年度问题的整改情况。',
    en: 'Main problems and improvements, including how last year’s problems were addressed.',
  },
  {
    zh: '其他需要报告的事项：收取信息处理费情况、人大代表建议和政协委员提案办理、年度工作要点落实等。',
    en: 'Other matters: processing fees collected, deputies’ proposals handled, annual work points carried out.',
  },
];

export const COLUMN_EXPLANATIONS: Readonly<Record<string, Explanation>> = {
  自然人: { zh: '申请人为自然人（个人）。', en: 'Applicants who are natural persons.' },
  商业企业: {
    zh: '申请人为商业企业（属于法人或其他组织）。',
    en: 'Applicants that are businesses (legal persons or other organisations).',
  },
  科研机构: { zh: '申请人为科研机构（属于法人或其他组织）。', en: 'Applicants that are research institutions.' },
  社会公益组织: { zh: '申请人为社会公益组织（属于法人或其他组织）。', en: 'Applicants that are public-interest organisations.' },
  法律服务机构: {
    zh: '申请人为律师事务所等法律服务机构（属于法人或其他组织）。',
    en: 'Applicants that are legal service providers such as law firms.',
  },
  其他: { zh: '其他法人或其他组织。', en: 'Other legal persons or organisations.' },
  总计: { zh: '本行总计：前六列之和。', en: 'Row total: the sum of the six applicant columns.' },
  结果维持: { zh: '复议或诉讼结果维持原行政行为。', en: 'The original act was upheld.' },
  结果纠正: { zh: '复议或诉讼结果纠正原行政行为。', en: 'The original act was corrected.' },
  其他结果: { zh: '其他结果（如驳回、撤回、终止）。', en: 'Other results (dismissed, withdrawn, terminated).' },
  尚未审结: { zh: '年底尚未审结的案件。', en: 'Still pending at the end of the year.' },
  本年制发件数: { zh: '本年新制发的件数。', en: 'Issued this year.' },
  本年废止件数: { zh: '本年废止的件数。', en: 'Repealed this year.' },
  现行有效件数: {
    zh: '截至年底现行有效的件数（取决于上年，与本年两列没有加减关系）。',
    en: 'In force at the end of the year (depends on last year; not a sum of the two other columns).',
  },
  本年处理决定数量: { zh: '本年作出的处理决定数量。', en: 'Decisions made this year.' },
  '本年收费金额（单位：万元）': { zh: '本年收费金额，单位万元。', en: 'Fees collected this year, in 10,000 yuan.' },
};

export function explain(e: Explanation | undefined, locale: Locale): string | undefined {
  return e ? localized(e, locale) : undefined;
}
