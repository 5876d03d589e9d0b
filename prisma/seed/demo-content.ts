// Chinese wording of the demo cases: the households behind the demo citizen accounts, issuing units and places,
// statements by appeal ground, information requests and replies, and decision reasons. The tables of households and
// places are data (data/*.json), checked on load.
import { z } from 'zod';
import type { AppealGround } from '@/lib/db/generated/enums';
import households from './data/households.json';
import placesData from './data/places.json';

export interface DemoPerson {
  name: string;
  /** Relation to the account holder; null for the holder. */
  relation: string | null;
  male: boolean;
  birthDate: string;
  /** County code of the ID number's place of registration. */
  areaCode: string;
  idSequence: number;
}

export interface DemoHousehold {
  mobile: string;
  homeCity: string;
  people: readonly DemoPerson[];
}

/** Each demo citizen account files for its holder and, now and then, for a parent or spouse (代为申诉). */
export const HOUSEHOLDS: readonly DemoHousehold[] = z
  .array(
    z.object({
      mobile: z.string(),
      homeCity: z.string(),
      people: z.array(
        z.object({
          name: z.string(),
          relation: z.string().nullable(),
          male: z.boolean(),
          birthDate: z.string(),
          areaCode: z.string(),
          idSequence: z.number(),
        }),
      ),
    }),
  )
  .parse(households);

export interface IssuingUnit {
  code: string;
  name: string;
  places: readonly string[];
}

const places = z
  .object({
    provinceNames: z.record(z.string(), z.string()),
    /** Health-code issuing units per province: city codes, or district codes in the municipalities. */
    issuingUnits: z.record(
      z.string(),
      z.array(z.object({ code: z.string(), name: z.string(), places: z.array(z.string()) })),
    ),
    /** Where travellers whose codes are refused come from, per refusing province. */
    recognitionOrigins: z.record(z.string(), z.array(z.string())),
  })
  .parse(placesData);

export const PROVINCE_NAMES: Record<string, string> = places.provinceNames;
export const ISSUING_UNITS: Record<string, readonly IssuingUnit[]> = places.issuingUnits;
export const RECOGNITION_ORIGINS: Record<string, readonly string[]> = places.recognitionOrigins;

export interface StatementContext {
  date: string;
  time: string;
  testDate: string;
  place: string;
  unitName: string;
  issuingProvince: string;
  refusingProvince: string;
  colour: string;
  reasonName: string | null;
  homeCity: string;
}

type Template = (c: StatementContext) => string;

const reasonPhrase = (c: StatementContext): string =>
  c.reasonName ? `页面显示的赋码原因是"${c.reasonName}"` : '页面没有说明任何赋码原因';

export const STATEMENTS: Record<AppealGround, readonly Template[]> = {
  NEVER_AT_PLACE: [
    (c) =>
      `本人于${c.date}${c.time}左右发现健康码变为${c.colour}码，${reasonPhrase(c)}。本人${c.date}前后一直在${c.homeCity}正常上班，有单位考勤记录和通信行程卡截图为证，从未去过${c.unitName}${c.place}一带。请核实后撤销${c.colour}码。`,
    (c) =>
      `${c.date}接到${c.unitName}疾控中心电话，称本人曾在${c.place}与确诊病例有时空交集，随即健康码转为${c.colour}码。但本人当天在家照顾老人，手机定位和小区门禁记录都能证明本人没有离开${c.homeCity}。怀疑是基站定位误差造成的误判，恳请核查。`,
    (c) =>
      `本人健康码于${c.date}被赋${c.colour}码，${reasonPhrase(c)}。本人从未到过${c.place}，当天上午在公司开会、下午在医院陪护家人，都有记录可查。现在无法上班，也无法带孩子看病，请尽快处理。`,
  ],
  IDENTITY_MIX_UP: [
    (c) =>
      `${c.date}本人健康码突然变${c.colour}。打${c.unitName}防疫热线询问，工作人员说是因为一名与本人同名同姓的人员被判定为风险人员，登记时身份证号录错了一位，错关联到了本人。本人与该人员素不相识，请尽快更正。`,
    (c) =>
      `本人使用的手机号以前登记在家人名下。${c.date}家人所在小区出现阳性病例后，本人的健康码也被同步赋为${c.colour}码。实际被管控的是家人而不是本人，本人的身份信息被错误关联，请予以纠正。`,
  ],
  NEGATIVE_TEST_NOT_SYNCED: [
    (c) =>
      `本人于${c.testDate}在${c.place}附近的采样点做了核酸检测，结果为阴性，检测机构出具的报告已截图上传。但健康码一直没有同步结果，${c.date}以"${c.reasonName ?? '核酸结果未出'}"为由变为${c.colour}码，导致无法进入单位上班。`,
    (c) =>
      `本人严格按要求每48小时做一次核酸，${c.testDate}的采样在采样点扫码登记过，但检测结果一直显示"待出"。${c.date}健康码变${c.colour}，小区不让进出，请协调检测机构补传结果并恢复绿码。`,
  ],
  ISOLATION_COMPLETED: [
    (c) =>
      `本人作为${c.reasonName ?? '风险人员'}在${c.unitName}集中隔离点完成了隔离，又按规定完成了居家健康监测，期间多次核酸检测均为阴性，已取得解除隔离告知书。但健康码至今仍为${c.colour}码，请予以转码。`,
    (c) =>
      `本人已按社区通知解除居家隔离，社区也出具了解除隔离证明，但健康码自${c.date}以来一直是${c.colour}码，没有转绿。网上咨询没有回复，影响正常就医和上班。`,
  ],
  STRICTER_THAN_STANDARD: [
    (c) =>
      `本人被判定为"${c.reasonName ?? '风险人员'}"。按照国家防控方案，这种情形最高只能赋黄码，但${c.unitName}在${c.date}给本人赋了${c.colour}码。请按国家标准予以纠正。`,
    (c) =>
      `本人仅因"${c.reasonName ?? '未说明的原因'}"于${c.date}被赋${c.colour}码。按照国家标准，这种情形不应赋${c.colour}码，当地做法属于层层加码。本人愿意配合核酸检测和健康监测，但请依法纠正码色。`,
  ],
  NON_EPIDEMIC_REASON: [
    (c) =>
      `本人是村镇银行的储户，存款被冻结几个月取不出来。${c.date}本人从${c.homeCity}前往郑州，准备到有关部门反映取款问题，在${c.place}扫场所码后健康码立即变红。本人近14天没有中高风险地区旅居史，48小时核酸阴性，这是以非疫情原因赋码，请撤销并追究责任。`,
    (c) =>
      `${c.date}本人到${c.unitName}信访接待场所反映拆迁补偿问题，当天健康码就被赋为${c.colour}码，工作人员没有给出任何与疫情有关的理由。本人没有风险地区旅居史和接触史，这是借健康码限制人身自由，请予以纠正。`,
    (c) =>
      `本人与${c.unitName}一家公司有劳动纠纷，正准备申请劳动仲裁，${c.date}健康码被无故赋为${c.colour}码。打电话询问，对方说是"上面要求"，与疫情防控无关。请依法撤销。`,
  ],
  NOT_RECOGNISED: [
    (c) =>
      `本人持${c.issuingProvince}健康码绿码，${c.date}抵达${c.refusingProvince}${c.place}，出站时当地健康码显示为${c.colour}码，工作人员称外省健康码不予互认，要求隔离观察。本人出发前24小时内核酸阴性，途经地区均为低风险区。`,
    (c) =>
      `本人在${c.issuingProvince}的健康码为绿码，行程卡没有带星号，但${c.date}进入${c.refusingProvince}后当地健康码被转为${c.colour}码，${reasonPhrase(c)}。按照国家要求各地应互认健康码，请予纠正。`,
  ],
  OTHER: [
    (c) =>
      `本人健康码于${c.date}被赋${c.colour}码，至今没有人说明原因，拨打热线多次无人接听。本人近期没有外出，也没有接到流调电话，请查明原因并答复。`,
    (c) =>
      `本人${c.date}陪家人到${c.unitName}医院发热门诊就诊后被赋${c.colour}码。家人已确诊为普通流感，核酸检测为阴性，本人也无任何症状，请尽快恢复绿码。`,
  ],
};

export const FAMILY_NOTE = (holder: string): string => `（本申诉由申诉人的家属${holder}代为填写提交。）`;

export const INFORMATION_REQUESTS: Record<AppealGround, string> = {
  NEVER_AT_PLACE: '请补充提供赋码当天的单位考勤记录或通信行程卡截图，以证明您当天的行程。',
  IDENTITY_MIX_UP: '请说明您何时接到过流调电话、对方核对了哪些信息，如有通话记录截图请一并上传。',
  NEGATIVE_TEST_NOT_SYNCED: '请上传核酸检测报告截图，截图需包含采样时间和检测机构名称。',
  ISOLATION_COMPLETED: '请上传解除隔离告知书或社区出具的解除居家隔离证明。',
  STRICTER_THAN_STANDARD: '请说明您被判定为该类人员的通知来源（短信、电话或社区通知），如有截图请一并上传。',
  NON_EPIDEMIC_REASON: '请说明赋码前后您所在的具体位置和行程，并提供近三天的核酸检测记录。',
  NOT_RECOGNISED: '请提供出发地健康码截图和抵达时的通信行程卡截图。',
  OTHER: '请补充说明您最近一次外出的时间和地点，以及是否接到过流调电话。',
};

export const REPLIES: readonly string[] = [
  '已补充上传相关截图，请查收。当天全天在单位，可联系单位人事部门核实。',
  '已上传检测报告截图。采样点是社区临时采样点，报告在检测机构小程序里也能查到。',
  '通知是社区网格员电话告知的，没有短信。已上传通话记录截图。',
  '材料已上传。本人近期没有离开本市，如需进一步说明可以随时电话联系。',
  '已按要求上传，解除隔离告知书上有隔离点的盖章。',
];

/** Why a reviewer handed a case back to the pool (staff wording; recorded as the audit reason). */
export const RELEASE_REASONS: readonly string[] = [
  '本人与赋码单位存在工作关联，申请回避，退回待分配池。',
  '本人将休假，案件退回待分配池由其他审核员处理。',
  '案件涉及跨市核查，退回待分配池由熟悉该地情况的审核员处理。',
];

/** The citizen's words when asking for a second-level review, by the first decision's outcome. */
export const SECOND_REVIEW_REASONS: Record<'UPHELD' | 'DOWNGRADED', readonly string[]> = {
  UPHELD: [
    '一级决定没有采纳我提交的考勤记录和行程卡截图，认定事实有误，申请复核。',
    '我对维持原码的决定不服，赋码依据与我的实际行程不符，请上级复核。',
    '决定书没有说明依据的流调信息来源，申请复核。',
  ],
  DOWNGRADED: [
    '决定只降为黄码，但我从未接触过相关人员，应当恢复绿码，申请复核。',
    '降为黄码仍然无法正常上班，我的核酸检测一直是阴性，请求撤销赋码。',
  ],
};

export const WITHDRAWAL_REASONS: readonly string[] = [
  '健康码已自动转为绿码，不再需要申诉。',
  '已通过社区协调解决，撤回申诉。',
  '提交时选错了赋码地区，撤回后重新提交。',
  '赋码单位已主动更正，撤回申诉。',
];

export interface DecisionContext {
  date: string;
  testDate: string;
  place: string;
  colour: string;
  reasonName: string;
  ruleName: string;
  issuingProvince: string;
}

export type DecisionReasonKey =
  | 'REVOKED_NO_REASON'
  | 'REVOKED_NON_EPIDEMIC'
  | 'REVOKED_NEVER_AT_PLACE'
  | 'REVOKED_IDENTITY'
  | 'REVOKED_TEST_SYNC'
  | 'REVOKED_ISOLATION'
  | 'REVOKED_ABOVE_STANDARD'
  | 'REVOKED_RECOGNITION'
  | 'REVOKED_OTHER'
  | 'DOWNGRADED'
  | 'UPHELD'
  | 'UPHELD_RECOGNITION'
  | 'SECOND_UPHELD'
  | 'SECOND_DOWNGRADED'
  | 'SECOND_REVOKED';

export const DECISION_REASONS: Record<DecisionReasonKey, (c: DecisionContext) => string> = {
  REVOKED_NO_REASON: (c) =>
    `经核查，赋码单位未能说明赋码原因，也未提供流调记录等任何依据，不符合健康码赋码须有明确防控依据的规定，决定撤销该${c.colour}码，恢复为绿码。`,
  REVOKED_NON_EPIDEMIC: (c) =>
    `经核查，申诉人无中高风险地区旅居史和病例接触史，核酸检测结果均为阴性，赋码原因与疫情防控无关，属于以非疫情原因赋码，决定撤销该${c.colour}码，并将问题线索移送纪检监察部门。`,
  REVOKED_NEVER_AT_PLACE: (c) =>
    `经调取通信行程数据和场所码扫码记录，申诉人在所称时间段内未到过${c.place}，赋码所依据的"${c.reasonName}"判定不成立，决定撤销该${c.colour}码。`,
  REVOKED_IDENTITY: (c) =>
    `经与流调系统核对，被判定为"${c.reasonName}"的是另一名同名人员，申诉人的身份信息系登记错误关联，决定撤销该${c.colour}码并更正关联信息。`,
  REVOKED_TEST_SYNC: (c) =>
    `经核对检测机构上传的数据，申诉人${c.testDate}采样的核酸检测结果为阴性，因数据传输延迟未能及时同步，赋码依据不成立，决定撤销该${c.colour}码。`,
  REVOKED_ISOLATION: (c) =>
    `申诉人已提交解除隔离告知书，经与隔离点和社区核实，隔离期和健康监测期均已届满，期间核酸检测均为阴性，决定撤销该${c.colour}码。`,
  REVOKED_ABOVE_STANDARD: (c) =>
    `按照国家标准，"${c.reasonName}"不得作为变更健康码颜色的依据，原赋${c.colour}码高于国家标准，决定撤销该${c.colour}码，恢复为绿码。`,
  REVOKED_RECOGNITION: (c) =>
    `经核查，申诉人持有的${c.issuingProvince}健康码为绿码，近7天无中高风险地区旅居史，依据健康码跨省互认的要求应予互认，决定撤销本省所赋${c.colour}码。`,
  REVOKED_OTHER: (c) =>
    `经核查，赋码单位提供的"${c.reasonName}"依据与申诉人实际情况不符，申诉人核酸检测结果为阴性且无相关症状，决定撤销该${c.colour}码。`,
  DOWNGRADED: (c) =>
    `经核查，申诉人属于"${c.ruleName}"，按照国家标准最高应赋黄码，原赋红码高于国家标准，决定将红码降为黄码，健康监测期满且核酸阴性后自动转为绿码。`,
  UPHELD: (c) =>
    `经流调核实，申诉人于${c.date}前后确与"${c.reasonName}"判定所涉及的风险人员或场所存在交集，赋码依据充分，码色未超过国家标准，决定维持原赋码。健康监测期满后将按规定转码。`,
  UPHELD_RECOGNITION: (c) =>
    `经核查，申诉人近7天内有"${c.reasonName}"情形，按照国家标准可以赋${c.colour}码，本省赋码未超过国家标准，决定维持。申诉人完成规定的核酸检测后即可转码。`,
  SECOND_UPHELD: () =>
    '复核认为，一级决定认定事实清楚、适用规则正确，申诉人补充提交的材料不足以推翻原判定，决定维持一级决定。',
  SECOND_DOWNGRADED: (c) =>
    `复核认为，申诉人属于"${c.ruleName}"，依照国家标准最高应赋黄码，一级决定维持红码不当，决定将红码降为黄码。`,
  SECOND_REVOKED: (c) =>
    `复核认为，现有证据不能证明申诉人属于"${c.reasonName}"，一级决定认定事实不清，决定撤销原赋码，恢复为绿码。`,
};
