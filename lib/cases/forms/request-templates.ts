// Ready-made wording for the questions reviewers most often ask a citizen (SPEC §7): the reviewer picks one, edits it
// and sends it. Plain data, shared by the request-information form in both languages.
export interface RequestTemplate {
  id: string;
  zh: string;
  en: string;
}

export const REQUEST_TEMPLATES: readonly RequestTemplate[] = [
  {
    id: 'negativeTest',
    zh: '请上传赋码前后 48 小时内的核酸检测阴性报告（截图或 PDF 均可），并注明检测机构和采样时间。',
    en: 'Please upload your negative nucleic acid test report from the 48 hours before or after the code was assigned (a screenshot or PDF), and tell us the testing site and sampling time.',
  },
  {
    id: 'whereabouts',
    zh: '请提供赋码所涉时间段内您所在位置的证明，例如单位考勤记录、通信行程卡截图或交通票据。',
    en: 'Please send proof of where you were during the period the code refers to, such as an attendance record from your employer, a travel-card screenshot or transport tickets.',
  },
  {
    id: 'identity',
    zh: '请说明您是否与被认定的风险人员为同一人，并提供能证明并非同一人的材料（如手机号码归属、行程记录）。',
    en: 'Please tell us whether you are the person identified as a risk, and send anything that shows you are not (for example who the mobile number belongs to, or your travel record).',
  },
  {
    id: 'isolation',
    zh: '请上传隔离或健康观察期满的解除证明（由社区、隔离酒店或医疗机构出具）。',
    en: 'Please upload the certificate that your isolation or health observation ended (issued by your community, the quarantine hotel or a medical institution).',
  },
  {
    id: 'recognition',
    zh: '请说明外省拒绝认可您的健康码的时间、地点和经办单位，并上传相关截图或书面材料。',
    en: 'Please tell us when and where the other province refused your health code, and which office refused it, and upload any screenshots or written notices.',
  },
  {
    id: 'other',
    zh: '为便于审核您的申诉，请补充以下材料或说明：',
    en: 'To help us review your appeal, please send us the following:',
  },
];
