/**
 * Chinese labels by enum and value. The API's enums are labelled by the API itself
 * (`enumLabels`, the EnumLabels operation), merged in at start (mergeLabels), so that the
 * dashboard says exactly what GraphiQL, the downloads and the schema say. Only the structure
 * parts' keys, which are strings rather than an enum, are labelled here.
 */
const LABELS = {
  StructurePart: {
    BASIC: '基本支出',
    PERSONNEL: '人员经费',
    PUBLIC: '公用经费',
    PROJECT: '项目支出',
  },
};

/** The Chinese label of an enum value, or the value itself when none is known. */
export function label(enumName, value) {
  if (value === null || value === undefined) return '—';
  return LABELS[enumName]?.[value] ?? String(value);
}

/** Labels of several values (a list field such as flags), joined. */
export function labels(enumName, values) {
  return (values ?? []).map((v) => label(enumName, v)).join('、') || '—';
}

/** Replaces labels with those the API gives (`enumLabels { enum value label }`). */
export function mergeLabels(list) {
  for (const { enum: name, value, label: text } of list ?? []) {
    if (!name || !value || !text) continue;
    LABELS[name] ??= {};
    LABELS[name][value] = text;
  }
}

/** A peer key of a benchmark or risk ranking: ALL, a sector, or a level. */
export function peerKeyLabel(key) {
  if (key === 'ALL') return label('PeerGroup', 'ALL');
  return LABELS.DepartmentLevel?.[key] ?? key ?? '（未分类）';
}
