/**
 * Functional classes (功能分类) of the national government revenue and expenditure classification
 * (政府收支分类科目), with their class codes. Reports name the class in prose; the code lets
 * departments and years be compared even when the wording differs slightly.
 */
const CLASSES: readonly (readonly [code: string, name: string])[] = [
  ['201', '一般公共服务'],
  ['202', '外交'],
  ['203', '国防'],
  ['204', '公共安全'],
  ['205', '教育'],
  ['206', '科学技术'],
  ['207', '文化旅游体育与传媒'],
  ['208', '社会保障和就业'],
  ['210', '卫生健康'],
  ['211', '节能环保'],
  ['212', '城乡社区'],
  ['213', '农林水'],
  ['214', '交通运输'],
  ['215', '资源勘探工业信息等'],
  ['216', '商业服务业等'],
  ['217', '金融'],
  ['219', '援助其他地区'],
  ['220', '自然资源海洋气象等'],
  ['221', '住房保障'],
  ['222', '粮油物资储备'],
  ['224', '灾害防治及应急管理'],
  ['227', '预备费'],
  ['229', '其他'],
  ['230', '转移性'],
  ['231', '债务还本'],
  ['232', '债务付息'],
  ['233', '债务发行费用'],
];

/** Older or shortened names seen in reports, mapped to the current class name. */
const ALIASES: Readonly<Record<string, string>> = {
  文化体育与传媒: '文化旅游体育与传媒',
  文化旅游体育传媒: '文化旅游体育与传媒',
  医疗卫生与计划生育: '卫生健康',
  医疗卫生: '卫生健康',
  城乡社区事务: '城乡社区',
  其他支出: '其他',
};

/** The canonical name and code of a functional class as printed, or the name with a null code. */
export function functionClass(printed: string): { name: string; code: string | null } {
  const trimmed = printed.replace(/(类|支出|预算|功能)$/g, '');
  const name = ALIASES[trimmed] ?? trimmed;
  const entry = CLASSES.find(([, n]) => n === name);
  return { name, code: entry ? entry[0] : null };
}
