// English names of the administrative divisions (SPEC §13, §18), derived from the Chinese names of the GB/T 2260 data
// package by the official romanisation of Chinese place names (GB/T 16159 Hanyu Pinyin, adopted by the UN in 1977):
// the specific name in pinyin without tones, its syllables written together with the first letter capitalised and
// an apostrophe before a syllable starting with a, o or e (西安 Xi'an, 六安 Lu'an); the generic part translated
// (区 District, 县 County, 自治州 Autonomous Prefecture, 盟 League, 旗 Banner); 省, 市 and 自治区 dropped from the
// province and city names, as in English usage (安徽省 Anhui, 合肥市 Hefei). Readings come from `pinyin-pro`, whose
// word dictionary knows the readings of place names (重庆 Chongqing, 六安 Lu'an, 蚌埠 Bengbu, 铅山 Yanshan).
// Two provinces keep the spellings fixed by the State Council: 陕西 Shaanxi (set apart from 山西 Shanxi) and
// 内蒙古 Inner Mongolia. The ethnic groups named in an autonomous division's name are left out of its English name.
import { pinyin } from 'pinyin-pro';

/** Provincial names whose official English spelling is not the plain pinyin. */
const PROVINCE_SPELLINGS: Record<string, string> = { 陕西: 'Shaanxi', 内蒙古: 'Inner Mongolia' };

/** Rows of the data package that name a grouping rather than a place. */
const GROUPINGS: Record<string, string> = {
  市辖区: 'City districts',
  县: 'Counties',
  省直辖县级行政区划: 'County-level divisions under the province',
  自治区直辖县级行政区划: 'County-level divisions under the region',
};

/** Generic parts, longest first: [Chinese suffix, English generic or '' to drop it]. */
const GENERICS: ReadonlyArray<readonly [string, string]> = [
  ['特别行政区', 'Special Administrative Region'],
  ['自治区', ''],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'],
  ['林区', 'Forestry District'],
  ['新区', 'New Area'],
  ['矿区', 'Mining District'],
  ['特区', 'Special District'],
  ['省', ''],
  ['市', ''],
  ['区', 'District'],
  ['县', 'County'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

/**
 * The 55 minority ethnic groups of GB/T 3304, as they stand before 自治… in a division's name (藏族, 蒙古, 维吾尔),
 * longest first so 土家 is tried before 土.
 */
const ETHNIC_GROUPS = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
  '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** 延边朝鲜族 → 延边, 巴音郭楞蒙古 → 巴音郭楞, 双江拉祜族佤族布朗族傣族 → 双江: one-character names only with 族. */
function withoutEthnicGroups(specific: string): string {
  let rest = specific;
  for (;;) {
    const group = ETHNIC_GROUPS.find(
      (name) =>
        (rest.endsWith(`${name}族`) && rest.length > name.length + 1) ||
        (name.length > 1 && rest.endsWith(name) && rest.length > name.length),
    );
    if (!group) return rest;
    rest = rest.slice(0, rest.endsWith(`${group}族`) ? -(group.length + 1) : -group.length);
  }
}

function romanise(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const joined = syllables
    .map((syllable, index) => (index > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
    .join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const cache = new Map<string, string>();

/** The English name of a division, from its Chinese name. */
export function englishDivisionName(chineseName: string): string {
  const cached = cache.get(chineseName);
  if (cached !== undefined) return cached;
  let english = GROUPINGS[chineseName];
  if (english === undefined) {
    const generic = GENERICS.find(([suffix]) => chineseName.endsWith(suffix) && chineseName.length > suffix.length);
    const specific = generic ? chineseName.slice(0, -generic[0].length) : chineseName;
    const name =
      PROVINCE_SPELLINGS[specific] ??
      romanise(generic?.[0].startsWith('自治') ? withoutEthnicGroups(specific) : specific);
    english = generic?.[1] ? `${name} ${generic[1]}` : name;
  }
  cache.set(chineseName, english);
  return english;
}
