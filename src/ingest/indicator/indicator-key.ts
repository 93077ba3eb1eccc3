/**
 * Indicator identity across years within one department (docs/domain.md, "Ratchet failure":
 * "Indicator identity across years needs a normalised key, since wording drifts from year to
 * year"): a normalised key, and a fuzzy match on it for the drift the key does not absorb.
 */
import { compactText, foldIndicatorText } from './indicator-text.js';
import { baseUnitLabel } from './indicator-unit.js';

/**
 * Filler that drifts between years without changing what is measured: 总数 / 数量 / 总量
 * (粉丝总数 vs 粉丝数量), 情况, 完成 (but not 完成率), 累计, 年度, 工作, 指标, 的.
 */
const FILLER = /情况|总数|数量|总量|累计|年度|全年|本年|当年|工作|指标|相关|有关|的|完成(?!率)/g;

/** Bracketed notes that are not part of the name: units and targets (`(人次)`, `(≥**平方米)`, `(%)`). */
const NOTE = /[(\[【<]([^()[\]【】<>]*)[)\]】>]/g;

/** A number with its comparator and unit written into the name (`完成率100%`, `≥90%`). */
const TARGET_IN_NAME = /[≥≤<>=]*\d[\d.,]*%?(?:及以上|以上|以下)?$|[≥≤<>=]+\d[\d.,]*%?/g;

function isNote(content: string): boolean {
  if (content.length > 8) return false;
  if (/[≥≤<>=*\d%]/.test(content)) return true;
  // A unit alone: (人次), (万元), (个).
  return (
    /^万?\p{Script=Han}{1,3}$/u.test(content) &&
    /人|次|个|元|米|件|项|册|期|天|户|家|场|份|吨|亩|岁|分/.test(content)
  );
}

/** A stable key for an indicator name within one department across years. */
export function indicatorKey(name: string): string {
  let key = compactText(foldIndicatorText(name));
  key = key.replace(/\d{4}年度?/g, '');
  key = key.replace(NOTE, (whole, content: string) => (isNote(content) ? '' : content));
  key = key.replace(TARGET_IN_NAME, '');
  key = key.replace(/[\p{P}\p{S}]/gu, '');
  key = key.replace(FILLER, '');
  // A trailing 数 is the same drift as 数量 (粉丝数 vs 粉丝数量).
  key = key.replace(/数$/, '');
  return key.toLowerCase();
}

/** How a match was made, for the analyst reading a ratchet finding. */
export interface IndicatorMatch {
  score: number;
  matchedBy: string;
}

/** Character bigrams of a key; a one-character key is its own "bigram". */
function bigrams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** Dice coefficient of two keys over character bigrams (as multisets). */
function dice(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of left) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of right) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Units that cannot measure the same thing (人 vs 个); a missing unit does not disagree. */
function unitsDisagree(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return (
    baseUnitLabel(compactText(foldIndicatorText(a))) !==
    baseUnitLabel(compactText(foldIndicatorText(b)))
  );
}

/**
 * Wording drift that adds or drops a qualifier keeps the shorter name's characters in order
 * inside the longer one (审计整改率 within 审计发现问题整改率; Dice only 0.50). Accepted when the
 * shorter key has at least 4 characters and half the longer one's length, with this score.
 */
const QUALIFIER_SCORE = 0.7;

function qualifierDrift(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [[...a], [...b]] : [[...b], [...a]];
  if (short.length < 4 || short.length * 2 < long.length) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Default minimum Dice score: 认罪认罚盗窃案件电子送达率 vs 盗窃案件电子送达率 scores 0.80, unrelated names near 0;
 * 刑事案件网上批捕、起诉率 vs 刑事案件网上提捕、移送审查起诉率 (two agencies, two indicators) 0.58. */
const DEFAULT_MIN_SCORE = 0.6;

/**
 * Best match of an indicator among the previous year's indicators of the same department, or
 * null: the same key first, then the highest bigram Dice similarity at or above `minScore`.
 * Candidates whose unit differs are never matched.
 */
export function matchIndicator(
  current: { name: string; unit?: string | null },
  candidates: ReadonlyArray<{ name: string; unit?: string | null }>,
  minScore: number = DEFAULT_MIN_SCORE,
): { index: number; match: IndicatorMatch } | null {
  const key = indicatorKey(current.name);
  if (key.length === 0) return null;
  let best: { index: number; match: IndicatorMatch } | null = null;
  for (const [index, candidate] of candidates.entries()) {
    if (unitsDisagree(current.unit, candidate.unit)) continue;
    const other = indicatorKey(candidate.name);
    if (other === key) return { index, match: { score: 1, matchedBy: `same key '${key}'` } };
    const similarity = dice(key, other);
    const qualified = similarity < minScore && qualifierDrift(key, other);
    const score = qualified ? QUALIFIER_SCORE : similarity;
    if (score >= minScore && (best === null || score > best.match.score)) {
      best = {
        index,
        match: {
          score,
          matchedBy: qualified
            ? `qualifier added or dropped: '${key.length < other.length ? key : other}' within '${key.length < other.length ? other : key}'`
            : `name similarity ${score.toFixed(2)} (bigram Dice of '${key}' and '${other}')`,
        },
      };
    }
  }
  return best;
}
