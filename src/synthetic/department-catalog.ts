/**
 * The departments of the synthetic demo corpus: a fictitious city, 示例市, with municipal
 * departments modelled on real ones (公安, 教育, 卫健, 民政 …) and fictitious districts (示范区)
 * and counties (示范县) with their own departments. Every name carries the fictitious place, so
 * no synthetic department can be taken for a real one; every entry is flagged `synthetic`.
 */
import type { DepartmentLevel } from '../db/tables.js';
import type { DepartmentEntry } from '../ingest/load/department-registry.js';

/** A kind of department (公安局, 教育局 …) as it exists at municipal and district level. */
export interface DepartmentType {
  /** Code suffix (pinyin initials): `gaj` → `demo-gaj`, `demo-d03-gaj`. */
  abbr: string;
  /** Name after the place at municipal level, or a function of the place for party organs. */
  municipalName: string | ((place: string) => string);
  /** Name at district or county level, or null when the type has no district counterpart. */
  districtName: string | ((place: string) => string) | null;
  /** Peer group for benchmarks (docs/domain.md, "Benchmarks and peer groups"). */
  sector: string;
  /** Word of the department's public brand (`“示例平安”` new-media accounts). */
  brand: string;
  /** Duties withheld for secrecy (保密法), as in the real report. */
  secret: boolean;
  /** Main functional class (功能分类, names of function-classes.ts) and usual other classes. */
  mainClass: string;
  extraClasses: readonly string[];
  /** Initial budget range in 万元 at municipal level. */
  scale: readonly [number, number];
}

const STAFF_CLASSES = ['社会保障和就业', '卫生健康', '住房保障'] as const;

/** Department types, municipal order; the catalogue lists districts' departments in this order too. */
export const DEPARTMENT_TYPES: readonly DepartmentType[] = [
  {
    abbr: 'gaj',
    municipalName: '公安局',
    districtName: '公安分局',
    sector: '政法',
    brand: '平安',
    secret: true,
    mainClass: '公共安全',
    extraClasses: [...STAFF_CLASSES, '一般公共服务'],
    scale: [20000, 60000],
  },
  {
    abbr: 'zfw',
    municipalName: (place) => `中国共产党${place}委员会政法委员会`,
    districtName: (place) => `中国共产党${place}委员会政法委员会`,
    sector: '政法',
    brand: '政法',
    secret: true,
    mainClass: '一般公共服务',
    extraClasses: ['公共安全', '科学技术', ...STAFF_CLASSES],
    scale: [4000, 15000],
  },
  {
    abbr: 'sfj',
    municipalName: '司法局',
    districtName: '司法局',
    sector: '政法',
    brand: '法治',
    secret: false,
    mainClass: '公共安全',
    extraClasses: STAFF_CLASSES,
    scale: [3000, 12000],
  },
  {
    abbr: 'xfj',
    municipalName: '信访局',
    districtName: '信访局',
    sector: '政法',
    brand: '信访',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: STAFF_CLASSES,
    scale: [800, 3000],
  },
  {
    abbr: 'jyj',
    municipalName: '教育局',
    districtName: '教育局',
    sector: '教育',
    brand: '教育',
    secret: false,
    mainClass: '教育',
    extraClasses: [...STAFF_CLASSES, '科学技术'],
    scale: [15000, 60000],
  },
  {
    abbr: 'wjw',
    municipalName: '卫生健康委员会',
    districtName: '卫生健康局',
    sector: '卫生健康',
    brand: '健康',
    secret: false,
    mainClass: '卫生健康',
    extraClasses: ['社会保障和就业', '住房保障', '科学技术'],
    scale: [8000, 40000],
  },
  {
    abbr: 'ybj',
    municipalName: '医疗保障局',
    districtName: '医疗保障局',
    sector: '卫生健康',
    brand: '医保',
    secret: false,
    mainClass: '卫生健康',
    extraClasses: ['社会保障和就业', '住房保障'],
    scale: [1500, 6000],
  },
  {
    abbr: 'mzj',
    municipalName: '民政局',
    districtName: '民政局',
    sector: '民政',
    brand: '民政',
    secret: false,
    mainClass: '社会保障和就业',
    extraClasses: ['卫生健康', '住房保障', '城乡社区'],
    scale: [5000, 30000],
  },
  {
    abbr: 'tyjrj',
    municipalName: '退役军人事务局',
    districtName: '退役军人事务局',
    sector: '民政',
    brand: '退役军人',
    secret: false,
    mainClass: '社会保障和就业',
    extraClasses: ['卫生健康', '住房保障'],
    scale: [1000, 8000],
  },
  {
    abbr: 'czj',
    municipalName: '财政局',
    districtName: '财政局',
    sector: '财政',
    brand: '财政',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: STAFF_CLASSES,
    scale: [3000, 15000],
  },
  {
    abbr: 'sjj',
    municipalName: '审计局',
    districtName: '审计局',
    sector: '财政',
    brand: '审计',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: STAFF_CLASSES,
    scale: [1500, 5000],
  },
  {
    abbr: 'tjj',
    municipalName: '统计局',
    districtName: '统计局',
    sector: '财政',
    brand: '统计',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: STAFF_CLASSES,
    scale: [800, 3000],
  },
  {
    abbr: 'jtj',
    municipalName: '交通运输局',
    districtName: '交通运输局',
    sector: '交通',
    brand: '交通',
    secret: false,
    mainClass: '交通运输',
    extraClasses: [...STAFF_CLASSES, '城乡社区'],
    scale: [5000, 40000],
  },
  {
    abbr: 'zjj',
    municipalName: '住房和城乡建设局',
    districtName: '住房和城乡建设局',
    sector: '城建',
    brand: '住建',
    secret: false,
    mainClass: '城乡社区',
    extraClasses: ['住房保障', '社会保障和就业', '卫生健康'],
    scale: [4000, 30000],
  },
  {
    abbr: 'cgj',
    municipalName: '城市管理和综合执法局',
    districtName: '城市管理和综合执法局',
    sector: '城建',
    brand: '城管',
    secret: false,
    mainClass: '城乡社区',
    extraClasses: [...STAFF_CLASSES, '节能环保'],
    scale: [5000, 40000],
  },
  {
    abbr: 'swj',
    municipalName: '水务局',
    districtName: '水务局',
    sector: '城建',
    brand: '水务',
    secret: false,
    mainClass: '农林水',
    extraClasses: [...STAFF_CLASSES, '城乡社区'],
    scale: [3000, 30000],
  },
  {
    abbr: 'ghj',
    municipalName: '规划和自然资源局',
    districtName: '规划和自然资源分局',
    sector: '城建',
    brand: '规划',
    secret: false,
    mainClass: '自然资源海洋气象等',
    extraClasses: [...STAFF_CLASSES, '城乡社区'],
    scale: [3000, 20000],
  },
  {
    abbr: 'lyj',
    municipalName: '林业和园林局',
    districtName: null,
    sector: '城建',
    brand: '园林',
    secret: false,
    mainClass: '农林水',
    extraClasses: [...STAFF_CLASSES, '城乡社区'],
    scale: [3000, 20000],
  },
  {
    abbr: 'wgl',
    municipalName: '文化广电旅游局',
    districtName: '文化广电旅游体育局',
    sector: '文旅',
    brand: '文旅',
    secret: false,
    mainClass: '文化旅游体育与传媒',
    extraClasses: STAFF_CLASSES,
    scale: [3000, 20000],
  },
  {
    abbr: 'tyj',
    municipalName: '体育局',
    districtName: null,
    sector: '文旅',
    brand: '体育',
    secret: false,
    mainClass: '文化旅游体育与传媒',
    extraClasses: [...STAFF_CLASSES, '教育'],
    scale: [2000, 12000],
  },
  {
    abbr: 'rsj',
    municipalName: '人力资源和社会保障局',
    districtName: '人力资源和社会保障局',
    sector: '人社',
    brand: '人社',
    secret: false,
    mainClass: '社会保障和就业',
    extraClasses: ['卫生健康', '住房保障', '教育'],
    scale: [4000, 25000],
  },
  {
    abbr: 'scj',
    municipalName: '市场监督管理局',
    districtName: '市场监督管理局',
    sector: '市场监管',
    brand: '市场监管',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: [...STAFF_CLASSES, '科学技术'],
    scale: [5000, 25000],
  },
  {
    abbr: 'sthj',
    municipalName: '生态环境局',
    districtName: '生态环境分局',
    sector: '生态环境',
    brand: '生态',
    secret: false,
    mainClass: '节能环保',
    extraClasses: STAFF_CLASSES,
    scale: [3000, 20000],
  },
  {
    abbr: 'yjj',
    municipalName: '应急管理局',
    districtName: '应急管理局',
    sector: '应急',
    brand: '应急',
    secret: false,
    mainClass: '灾害防治及应急管理',
    extraClasses: [...STAFF_CLASSES, '一般公共服务'],
    scale: [2000, 12000],
  },
  {
    abbr: 'nyj',
    municipalName: '农业农村局',
    districtName: '农业农村局',
    sector: '农业农村',
    brand: '农业',
    secret: false,
    mainClass: '农林水',
    extraClasses: STAFF_CLASSES,
    scale: [3000, 25000],
  },
  {
    abbr: 'fgw',
    municipalName: '发展和改革委员会',
    districtName: '发展和改革局',
    sector: '经济',
    brand: '发改',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: [...STAFF_CLASSES, '粮油物资储备'],
    scale: [2000, 10000],
  },
  {
    abbr: 'gxj',
    municipalName: '工业和信息化局',
    districtName: '工业和信息化局',
    sector: '经济',
    brand: '工信',
    secret: false,
    mainClass: '资源勘探工业信息等',
    extraClasses: STAFF_CLASSES,
    scale: [2000, 15000],
  },
  {
    abbr: 'swuj',
    municipalName: '商务局',
    districtName: '商务局',
    sector: '经济',
    brand: '商务',
    secret: false,
    mainClass: '商业服务业等',
    extraClasses: STAFF_CLASSES,
    scale: [2000, 12000],
  },
  {
    abbr: 'kjj',
    municipalName: '科学技术局',
    districtName: '科技局',
    sector: '经济',
    brand: '科技',
    secret: false,
    mainClass: '科学技术',
    extraClasses: STAFF_CLASSES,
    scale: [3000, 30000],
  },
  {
    abbr: 'zsj',
    municipalName: '政务服务数据管理局',
    districtName: '政务服务数据管理局',
    sector: '政务',
    brand: '政务',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: STAFF_CLASSES,
    scale: [2000, 15000],
  },
  {
    abbr: 'dag',
    municipalName: '档案馆',
    districtName: null,
    sector: '政务',
    brand: '档案',
    secret: false,
    mainClass: '一般公共服务',
    extraClasses: ['文化旅游体育与传媒', ...STAFF_CLASSES],
    scale: [400, 3000],
  },
];

/** The fictitious city of the synthetic corpus. */
export const SYNTHETIC_CITY = '示例市';

// Two-character place names for fictitious districts; real Guangzhou district names avoided.
const PLACE_FIRST = [...'东西南北中新云白金清翠青碧红绿丰安兴和平福瑞祥康泰'];
const PLACE_SECOND = [...'湖岭湾塘港溪石泉河屏山林川江洲桥源岗坪城田苑园坊浦'];
const PLACES_PER_KIND = PLACE_FIRST.length * PLACE_SECOND.length;

/** One synthetic department with what the generator needs beyond its registry entry. */
export interface DepartmentProfile {
  entry: DepartmentEntry;
  type: DepartmentType;
  /** Position in the catalogue (0-based). */
  index: number;
  /** Full place (`示例市`, `示例市东湖示范区`). */
  place: string;
  /** Short place for brands (`示例`, `东湖`). */
  placeShort: string;
  /** `全市` or `全区` / `全县`: how the department calls its territory. */
  territory: string;
  /** Budget scale relative to a municipal department of the same type. */
  levelScale: number;
}

const DISTRICT_TYPES = DEPARTMENT_TYPES.filter((t) => t.districtName !== null);

function typeName(name: string | ((place: string) => string), place: string): string {
  return typeof name === 'string' ? `${place}${name}` : name(place);
}

/** Name of the i-th fictitious district (or county): 东湖, 西湖 … */
function placeName(i: number): string {
  const local = i % PLACES_PER_KIND;
  return `${PLACE_FIRST[local % PLACE_FIRST.length]}${PLACE_SECOND[Math.floor(local / PLACE_FIRST.length)]}`;
}

/** Largest catalogue: all municipal departments plus districts and counties of every place name. */
export const MAX_SYNTHETIC_DEPARTMENTS =
  DEPARTMENT_TYPES.length + 2 * PLACES_PER_KIND * DISTRICT_TYPES.length;

function profile(index: number): DepartmentProfile {
  if (index < DEPARTMENT_TYPES.length) {
    const type = DEPARTMENT_TYPES[index]!;
    const name = typeName(type.municipalName, SYNTHETIC_CITY);
    return {
      entry: {
        code: `demo-${type.abbr}`,
        name,
        aliases: type.abbr === 'zfw' ? [`中共${SYNTHETIC_CITY}委政法委员会`] : [],
        sector: type.sector,
        level: 'MUNICIPAL',
        synthetic: true,
      },
      type,
      index,
      place: SYNTHETIC_CITY,
      placeShort: SYNTHETIC_CITY.replace(/市$/, ''),
      territory: '全市',
      levelScale: 1,
    };
  }
  const local = index - DEPARTMENT_TYPES.length;
  const placeIndex = Math.floor(local / DISTRICT_TYPES.length);
  const type = DISTRICT_TYPES[local % DISTRICT_TYPES.length]!;
  const county = placeIndex >= PLACES_PER_KIND;
  const short = placeName(placeIndex);
  const place = `${SYNTHETIC_CITY}${short}${county ? '示范县' : '示范区'}`;
  const number = String((placeIndex % PLACES_PER_KIND) + 1).padStart(2, '0');
  const level: DepartmentLevel = county ? 'COUNTY' : 'DISTRICT';
  const name = typeName(type.districtName!, place);
  return {
    entry: {
      code: `demo-${county ? 'c' : 'd'}${number}-${type.abbr}`,
      name,
      aliases: type.abbr === 'zfw' ? [`中共${place}委政法委员会`] : [],
      sector: type.sector,
      level,
      synthetic: true,
    },
    type,
    index,
    place,
    placeShort: short,
    territory: county ? '全县' : '全区',
    levelScale: county ? 0.12 : 0.25,
  };
}

/**
 * The first `count` synthetic departments: all municipal ones, then district by district (and
 * county by county once the district names run out). The catalogue does not depend on the
 * seed, so a department keeps its code and name whatever corpus it is generated in.
 */
export function departmentCatalog(count: number): DepartmentProfile[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_DEPARTMENTS) {
    throw new RangeError(
      `departments must be an integer from 0 to ${MAX_SYNTHETIC_DEPARTMENTS}, got ${count}`,
    );
  }
  return Array.from({ length: count }, (_, i) => profile(i));
}
