/**
 * The Guangzhou template states each part of the self-score twice: in 自评结论 (`履职效能得分
 * 49.99分`) and in the part's own analysis paragraph (`指标分值 50分，得分 49.99分，得分率为
 * 99.98%`). The document keeps one value of each; these notes reconcile the other statement with
 * it (docs/domain.md, "Reconciliation"), and say when a figure the template always states is not
 * there, so that a value taken from the other statement or a default is never silent.
 */
import { lineText, figureText } from '../figure-text.js';
import { ratioCheck, sumCheck } from '../reconcile-checks.js';
import type { ParseNote, SelfScore } from '../report-document.js';
import type { ConclusionScore, PartScore, ScoreStatement } from './parse-self-score.js';

type Part = 'DUTY' | 'MANAGEMENT';

const PART: Readonly<Record<Part, { name: string; analysis: string }>> = {
  DUTY: { name: '履职效能', analysis: '履职效能分析' },
  MANAGEMENT: { name: '管理效率', analysis: '管理效率分析' },
};

const CONCLUSION = '自评结论';

/** A figure the template always states that the text does not, and what stands in for it. */
function notStated(place: string, figure: string, instead: string): ParseNote {
  return {
    check: 'stated.not_found',
    severity: 'WARNING',
    message: `${place}：未找到「${figure}」，${instead}`,
    expected: null,
    actual: null,
  };
}

/** The notes on one part's paragraph: its score against the conclusion's, its rate, its gaps. */
function partNotes(
  part: Part,
  paragraph: PartScore,
  stated: ScoreStatement | null,
  kept: { score: string; weight: string },
): (ParseNote | null)[] {
  const { name, analysis } = PART[part];
  const points = (v: string) => figureText(v, '分');
  const score = paragraph.score?.value ?? kept.score;
  const weight = paragraph.weight?.value ?? kept.weight;
  return [
    stated && paragraph.score
      ? sumCheck(
          'score.paragraph_vs_conclusion',
          () => ({
            unit: '分',
            figure: `${CONCLUSION}「${name}得分」${lineText(stated.line)}`,
            computed: `${analysis}「得分」${lineText(paragraph.score!.line)}为`,
          }),
          [paragraph.score.value],
          stated.value,
        )
      : null,
    paragraph.rate
      ? ratioCheck(
          'ratio.part_score_rate',
          () => ({
            figure: `${analysis}「得分率」${lineText(paragraph.rate!.line)}`,
            numerator: `得分 ${points(score)}`,
            denominator: `分值 ${points(weight)}`,
          }),
          paragraph.rate,
          score,
          weight,
        )
      : notStated(analysis, '得分率', '无法与得分和分值核对'),
    paragraph.score
      ? null
      : notStated(analysis, '得分', `按${CONCLUSION}所列 ${points(kept.score)}取值，无法核对`),
    paragraph.weight
      ? null
      : notStated(analysis, '指标分值', `按总分值减另一部分分值取 ${points(kept.weight)}`),
  ];
}

/**
 * Notes on the self-score's restatements and gaps. `paragraphs` holds each part whose analysis
 * section was found (a missing section has its own note, section.missing).
 */
export function selfScoreNotes(
  conclusion: ConclusionScore,
  paragraphs: Partial<Record<Part, PartScore>>,
  score: SelfScore,
): ParseNote[] {
  const points = (v: string) => figureText(v, '分');
  const notes: (ParseNote | null)[] = [
    conclusion.totalWeight ? null : notStated(CONCLUSION, '总分值', `按 ${points('100')}计`),
  ];
  for (const part of ['DUTY', 'MANAGEMENT'] as const) {
    const kept = part === 'DUTY' ? score.duty! : score.management!;
    const stated = part === 'DUTY' ? conclusion.duty : conclusion.management;
    const paragraph = paragraphs[part];
    if (!stated) {
      notes.push(
        notStated(
          CONCLUSION,
          `${PART[part].name}得分`,
          `按${PART[part].analysis}所列 ${points(kept.score)}取值`,
        ),
      );
    }
    if (paragraph) notes.push(...partNotes(part, paragraph, stated, kept));
  }
  return notes.filter((n): n is ParseNote => n !== null);
}
