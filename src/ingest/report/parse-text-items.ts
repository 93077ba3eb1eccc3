/** Enumerated items: 一是…二是…, 1.…2.…, （一）…（二）…, 第一，…第二，… */
const MARKERS: readonly RegExp[] = [
  /[一二三四五六七八九十]+是/g,
  /(?<![\d.])\d{1,2}[.．、](?!\d)/g,
  /[（(][一二三四五六七八九十]+[)）]/g,
  /第[一二三四五六七八九十]+[，,、]/g,
];

function splitAtMarkers(text: string, marker: RegExp): string[] | null {
  const positions = [...text.matchAll(marker)].map((m) => ({ at: m.index, length: m[0].length }));
  if (positions.length < 2) return null;
  return positions.map((p, i) =>
    text
      .slice(p.at + p.length, positions[i + 1]?.at ?? text.length)
      .replace(/^[，,：:\s]+|[；;，,\s]+$/g, ''),
  );
}

/** Splits a paragraph into its enumerated items, or null when it enumerates nothing. */
export function enumeratedItems(text: string): string[] | null {
  for (const marker of MARKERS) {
    const items = splitAtMarkers(text, marker);
    if (items) return items.filter((s) => s.length > 0);
  }
  return null;
}

/** Splits prose into sentences (at 。！？). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * 存在的主要问题 as a list of problems. Enumerated paragraphs split at their markers; a single
 * paragraph of the form `…仍然存在A、B、C等问题，D。` yields A, B, C and D.
 */
export function parseProblems(text: string): string[] {
  const enumerated = enumeratedItems(text);
  if (enumerated) return enumerated.map((s) => s.replace(/[。；;]+$/, ''));
  const out: string[] = [];
  for (const sentence of sentences(text)) {
    const list = /存在(?:着|以下)?(?:的)?(.+?)等(?:方面的?)?问题[，,；;]?(.*)$/.exec(sentence);
    if (!list) continue;
    out.push(...list[1]!.split(/[、，,；;]/).filter((s) => s.length > 1));
    const rest = list[2]!.replace(/[。；;]+$/, '');
    if (rest) out.push(rest);
  }
  return out.length > 0 ? out : sentences(text).map((s) => s.replace(/[。]+$/, ''));
}

/** 下一步改进措施 as a list of measures: enumerated items, else sentences. */
export function parseImprovements(text: string): string[] {
  const enumerated = enumeratedItems(text);
  if (enumerated) return enumerated.map((s) => s.replace(/[。；;]+$/, ''));
  return sentences(text).map((s) => s.replace(/[。]+$/, ''));
}

/** 部门整体支出绩效目标 as a list of numbered goals. */
export function parseGoals(text: string): string[] {
  return parseImprovements(text);
}
