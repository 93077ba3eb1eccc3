import { MIN_PEER_GROUP } from '../analytics/benchmark.js';
import {
  targetSettingProfile,
  type ComponentFigures,
  type ComponentGap,
  type DepartmentYearProfile,
  type TargetSettingProfiles,
} from '../analytics/target-setting-profile.js';
import {
  appliedWeights,
  PROFILE_COMPONENTS,
  PROFILE_WEIGHTS,
  type ProfileComponent,
} from '../rules/profile-weights.js';
import {
  AMBITION_MIN_SERIES,
  COPIED_MIN_INDICATORS,
  SIGNAL_MIN_MEASURES,
} from '../rules/thresholds.js';
import { builder } from './builder.js';
import { signalArgs, signalScope } from './signal-args.js';
import { departmentOf } from './department-of.js';
import { departmentsAsked, ownedByDepartment, ownRows } from './department-access.js';
import {
  EXPLANATION_DESCRIPTION,
  FindingRuleEnum,
  type FindingRule,
} from './finding-explanation.js';
import { formatFraction, formatRatio } from './number-format.js';
import { DepartmentRef } from './refs.js';
import type { ScopeArgs } from './scope-args.js';
import { SectorDistributionRef, sectorFor } from './target-signals.js';
import type { Viewer } from './viewer.js';

/*
 * The target-setting profile (docs/domain.md, "Target-setting profile"): per department and year
 * the four target-setting components side by side, each with its raw figure, its score and its
 * weight, their composite, and where it stands in its sector. A screening aid: every component
 * names the query whose findings explain it.
 */

/** What each component is, in words, and where its findings are listed. */
interface ComponentText {
  /** The enum value's description: what the component is evidence of. */
  evidence: string;
  /** Its name in a Chinese sentence. */
  zh: string;
  /** The query listing what drives it, its named example operation and the rules it names. */
  query: string;
  operation: string;
  rules: readonly FindingRule[];
  /** The variables of that operation for one department-year. */
  variables(code: string, year: number): Record<string, unknown>;
  /** The computed component in a Chinese sentence. */
  sentence(c: ComponentFigures): string;
}

const oneDepartment = (code: string, year: number) => ({
  departments: [code],
  fromYear: year,
  toYear: year,
});

const COMPONENT_TEXT: Readonly<Record<ProfileComponent, ComponentText>> = {
  LOW_TARGET_RISK: {
    evidence:
      'The low-target risk score (lowTargetRisk): the share of evidence measures that overshoot (RATIO), use all their headroom (CEILING) or set a target below last year’s actual (RATCHET). Evidence that single targets were easy.',
    zh: '目标偏低风险',
    query: 'lowTargetRisk',
    operation: 'LowTargetRisk',
    rules: ['RATIO', 'CEILING', 'RATCHET'],
    variables: (_code, year) => ({ year, peerGroup: 'SECTOR' }),
    sentence: (c) =>
      `${c.basis} 项可计量度量中 ${c.count} 项（${formatRatio(c.count, c.basis)}）超目标、目标触顶或目标低于上年实际`,
  },
  JUST_ABOVE: {
    evidence:
      'The share of evidence measures just above target, attainment in (100 %, 105 %] (thresholdClustering). Evidence that targets are set to be just cleared: no single attainment is large, the pattern is.',
    zh: '刚超目标',
    query: 'thresholdClustering',
    operation: 'ThresholdClustering',
    rules: ['JUST_ABOVE_BUNCHING'],
    variables: oneDepartment,
    sentence: (c) =>
      `${c.basis} 项可计量度量中 ${c.count} 项（${formatRatio(c.count, c.basis)}）完成比刚超目标（100%至105%）`,
  },
  AMBITION_SHORTFALL: {
    evidence:
      'How far the department’s typical target falls short of what it achieved the year before: 1 − its median target / last year’s actual, clipped to 0-1 (targetAmbition). Evidence that targets are not grounded in past results.',
    zh: '目标进取度不足',
    query: 'targetAmbition',
    operation: 'TargetAmbition',
    rules: ['TARGET_BELOW_ACHIEVED'],
    variables: oneDepartment,
    sentence: (c) =>
      `${c.basis} 个可比指标序列的目标/上年实际中位数为 ${formatFraction(c.raw)}（其中 ${c.count} 个低于上年实际），得分取 1 减中位数并限于 0 至 1`,
  },
  COPIED_ACTUALS: {
    evidence:
      'The share of key indicators whose actual only restates the target (copiedActuals). Evidence that results were not measured, which also hides targets from the rules above.',
    zh: '实际完成值照抄目标',
    query: 'copiedActuals',
    operation: 'CopiedActuals',
    rules: ['COPIED_ACTUALS'],
    variables: oneDepartment,
    sentence: (c) =>
      `${c.basis} 项关键指标中 ${c.count} 项（${formatRatio(c.count, c.basis)}）实际完成值仅复述目标`,
  },
};

/** Why a component has no score, in a Chinese sentence quoting the count it fell short on. */
function gapSentence(gap: ComponentGap, c: ComponentFigures): string {
  switch (gap) {
    case 'TOO_FEW_MEASURES':
      return `可计量度量仅 ${c.basis} 项，少于 ${SIGNAL_MIN_MEASURES} 项`;
    case 'NO_PREVIOUS_YEAR':
      return '没有上年报告，目标无法与上年实际比较';
    case 'TOO_FEW_SERIES':
      return `与上年匹配的可比指标序列仅 ${c.basis} 个，少于 ${AMBITION_MIN_SERIES} 个`;
    case 'TOO_FEW_INDICATORS':
      return `关键指标仅 ${c.basis} 项，少于 ${COPIED_MIN_INDICATORS} 项`;
  }
}

const ProfileComponentEnum = builder.enumType('ProfileComponent', {
  description:
    'A component of the target-setting profile (docs/domain.md, "Target-setting profile"): one signal of how a department sets its targets, scored 0 (no sign) to 1.',
  values: Object.fromEntries(
    PROFILE_COMPONENTS.map((c) => [c, { description: COMPONENT_TEXT[c].evidence }]),
  ) as Record<ProfileComponent, { description: string }>,
});

const ComponentGapEnum = builder.enumType('ProfileComponentGap', {
  description: 'Why a component of the target-setting profile has no score that year.',
  values: {
    TOO_FEW_MEASURES: {
      description: `Fewer than ${SIGNAL_MIN_MEASURES} evidence measures: a share of so few says little.`,
    },
    NO_PREVIOUS_YEAR: {
      description:
        'No report of the year before: no target can be compared with last year’s actual.',
    },
    TOO_FEW_SERIES: {
      description: `Fewer than ${AMBITION_MIN_SERIES} indicator series matched to last year’s: a median of so few is one indicator’s story.`,
    },
    TOO_FEW_INDICATORS: {
      description: `Fewer than ${COPIED_MIN_INDICATORS} key indicators: a share of so few says little.`,
    },
  } satisfies Record<ComponentGap, { description: string }>,
});

/** A component as the answer shows it: its department-year and the weight the composite gave it. */
interface ShownComponent extends ComponentFigures {
  departmentCode: string;
  year: number;
  appliedWeight: number;
}

/** Where the findings behind a component are listed. */
interface FindingsLink {
  component: ProfileComponent;
  departmentCode: string;
  year: number;
}

const FindingsLinkRef = builder.objectRef<FindingsLink>('ProfileComponentFindings').implement({
  description:
    'Where the findings behind a component are listed, each explaining itself (docs/domain.md, "Every finding explains itself"): the query, its named example operation (also a download under /export/), the variables for this department and year, and the rules its findings name.',
  fields: (t) => ({
    query: t.string({
      resolve: (l) => COMPONENT_TEXT[l.component].query,
      description: 'The query field that lists them, e.g. "copiedActuals".',
    }),
    operation: t.string({
      resolve: (l) => COMPONENT_TEXT[l.component].operation,
      description: 'Its named example operation, e.g. "CopiedActuals".',
    }),
    variables: t.string({
      resolve: (l) =>
        JSON.stringify(COMPONENT_TEXT[l.component].variables(l.departmentCode, l.year)),
      description:
        'The operation’s variables for this department and year, as JSON. thresholdClustering names findings only over two bunching years: widen fromYear and toYear to see them.',
    }),
    rules: t.field({
      type: [FindingRuleEnum],
      resolve: (l) => [...COMPONENT_TEXT[l.component].rules],
      description: 'The rules its findings name.',
    }),
  }),
});

/** A component in words: what it counted and its score, or why it has none. */
function componentExplanation(c: ShownComponent): string {
  const text = COMPONENT_TEXT[c.component];
  if (c.gap !== null)
    return `${c.year}年${text.zh}：${gapSentence(c.gap, c)}，本项不计分，其权重由其余各项按比例分摊。`;
  return `${c.year}年${text.zh}：${text.sentence(c)}，得分 ${formatFraction(c.score)}，权重 ${formatFraction(c.appliedWeight)}。`;
}

const TargetSettingComponentRef = builder
  .objectRef<ShownComponent>('TargetSettingComponent')
  .implement({
    ...ownedByDepartment<ShownComponent>((c) => c.departmentCode),
    description:
      'One component of a department-year’s target-setting profile: its raw figure and what it counts, its score (0 no sign, 1 every row shows it), its weight, and where its findings are listed.',
    fields: (t) => ({
      component: t.field({
        type: ProfileComponentEnum,
        resolve: (c) => c.component,
        description: 'Which component.',
      }),
      year: t.exposeInt('year', { description: 'Fiscal year.' }),
      computable: t.boolean({
        resolve: (c) => c.score !== null,
        description: 'Whether it has a score that year; when not, `gap` says why.',
      }),
      gap: t.field({
        type: ComponentGapEnum,
        nullable: true,
        resolve: (c) => c.gap,
        description: 'Why it has no score that year; null when it has one.',
      }),
      score: t.exposeFloat('score', {
        nullable: true,
        description:
          'The score, a fraction from 0 (no sign) to 1: the raw figure for the three shares, 1 − the median ambition (clipped to 0-1) for AMBITION_SHORTFALL; null when not computable.',
      }),
      scoreText: t.string({
        nullable: true,
        resolve: (c) => formatFraction(c.score),
        description: 'score as a percentage.',
      }),
      raw: t.exposeFloat('raw', {
        nullable: true,
        description:
          'The signal’s own figure, a fraction: the risk score, the share just above target, the median target / last year’s actual, the copied share; null where there is nothing to divide.',
      }),
      rawText: t.string({
        nullable: true,
        resolve: (c) => formatFraction(c.raw),
        description: 'raw as a percentage.',
      }),
      count: t.exposeInt('count', {
        description:
          'The rows showing the sign: flagged measures, measures just above target, series whose target is below last year’s actual, actuals that restate their targets.',
      }),
      basis: t.exposeInt('basis', {
        description:
          'What they are counted among: evidence measures (LOW_TARGET_RISK, JUST_ABOVE), series matched to last year’s (AMBITION_SHORTFALL), key indicators (COPIED_ACTUALS).',
      }),
      weight: t.float({
        resolve: (c) => PROFILE_WEIGHTS[c.component],
        description: 'Its weight in the composite as documented (docs/domain.md), a fraction.',
      }),
      weightText: t.string({
        resolve: (c) => formatFraction(PROFILE_WEIGHTS[c.component])!,
        description: 'weight as a percentage.',
      }),
      appliedWeight: t.exposeFloat('appliedWeight', {
        description:
          'The weight the composite gave it that year: its weight over the sum of the weights of the components with a score; 0 when it has none.',
      }),
      appliedWeightText: t.string({
        resolve: (c) => formatFraction(c.appliedWeight)!,
        description: 'appliedWeight as a percentage.',
      }),
      contribution: t.float({
        nullable: true,
        resolve: (c) => (c.score === null ? null : c.appliedWeight * c.score),
        description: 'appliedWeight × score: its part of the composite; null without a score.',
      }),
      explanation: t.string({
        resolve: componentExplanation,
        description: 'The component in words (Chinese), with the numbers it rests on.',
      }),
      findings: t.field({
        type: FindingsLinkRef,
        resolve: (c) => ({
          component: c.component,
          departmentCode: c.departmentCode,
          year: c.year,
        }),
        description: 'Where the findings behind it are listed, each with its explanation.',
      }),
    }),
  });

/** The components of a profile with the weights the composite applied. */
function shownComponents(p: DepartmentYearProfile): ShownComponent[] {
  const weights = appliedWeights(
    Object.fromEntries(p.components.map((c) => [c.component, c.score])) as Record<
      ProfileComponent,
      number | null
    >,
  );
  return p.components.map((c) => ({
    ...c,
    departmentCode: p.departmentCode,
    year: p.year,
    appliedWeight: weights[c.component],
  }));
}

const missingOf = (p: DepartmentYearProfile) =>
  p.components.filter((c) => c.score === null).map((c) => c.component);

/** How the composite was weighted when components are missing, in words; null when none is. */
function weightNote(p: DepartmentYearProfile): string | null {
  const missing = p.components.filter((c) => c.score === null);
  if (missing.length === 0) return null;
  const names = missing.map(
    (c) => `${COMPONENT_TEXT[c.component].zh}（${gapSentence(c.gap!, c)}）`,
  );
  const used = PROFILE_COMPONENTS.length - missing.length;
  return used === 0
    ? `四项均无法计算：${names.join('；')}，不计综合得分。`
    : `${names.join('；')}，无法计算；综合得分按其余 ${used} 项的权重重新加权。`;
}

/** The profile in words: the composite, its parts, and where it stands in the sector. */
function profileExplanation(p: DepartmentYearProfile): string {
  if (p.composite === null) return `${p.year}年${weightNote(p)!}`;
  const parts = shownComponents(p)
    .filter((c) => c.score !== null)
    .map(
      (c) =>
        `${COMPONENT_TEXT[c.component].zh} ${formatFraction(c.score)} × ${formatFraction(c.appliedWeight)}`,
    );
  const standing =
    p.rank === null
      ? `同领域（${p.sectorComposite.sector}）有综合得分的部门 ${p.sectorComposite.departments} 个，不足 ${MIN_PEER_GROUP} 个，不予显示排名。`
      : `在同领域（${p.sectorComposite.sector}）${p.sectorComposite.departments} 个部门中排第 ${p.rank} 位（1 为信号最多）。`;
  const note = weightNote(p);
  return (
    `${p.year}年目标设定综合得分 ${formatFraction(p.composite)}（${parts.join('，')}）。` +
    `${note ?? ''}${standing}此为筛查提示，不是结论。`
  );
}

const TargetSettingProfileRef = builder
  .objectRef<DepartmentYearProfile>('TargetSettingProfile')
  .implement({
    ...ownedByDepartment<DepartmentYearProfile>((p) => p.departmentCode),
    description:
      'One department’s target-setting profile in one year: its four components side by side, their weighted composite (re-weighted over the components it has, and saying so), and where the composite stands in its sector. A screening aid that says where to look first, not a verdict.',
    fields: (t) => ({
      department: t.field({
        type: DepartmentRef,
        resolve: (p, _a, ctx) => departmentOf(ctx, p.departmentCode),
        description: 'The department.',
      }),
      sector: t.exposeString('sector', {
        description: 'Its sector (领域): whom it is ranked among.',
      }),
      year: t.exposeInt('year', { description: 'Fiscal year.' }),
      composite: t.exposeFloat('composite', {
        nullable: true,
        description:
          'The weighted mean of the components’ scores, a fraction from 0 to 1, over the components with a score (their weights re-scaled to sum to 1); null when none has one.',
      }),
      compositeText: t.string({
        nullable: true,
        resolve: (p) => formatFraction(p.composite),
        description: 'composite as a percentage, e.g. "20.00%".',
      }),
      componentsUsed: t.int({
        resolve: (p) => p.components.filter((c) => c.score !== null).length,
        description: `Components with a score, of ${PROFILE_COMPONENTS.length}.`,
      }),
      reweighted: t.boolean({
        resolve: (p) => p.components.some((c) => c.score === null),
        description:
          'Some component has no score, so the composite is re-weighted over the others (`missingComponents` says which, `weightNote` why).',
      }),
      missingComponents: t.field({
        type: [ProfileComponentEnum],
        resolve: missingOf,
        description: 'The components without a score that year.',
      }),
      weightNote: t.string({
        nullable: true,
        resolve: weightNote,
        description:
          'In Chinese: which components are missing, why, and that the composite is re-weighted over the rest; null when none is missing.',
      }),
      rank: t.exposeInt('rank', {
        nullable: true,
        description: `1 = the highest composite of its sector that year (the most signs); ties share a rank; null without a composite, and for a DEPARTMENT token in a sector of fewer than ${MIN_PEER_GROUP} departments with one.`,
      }),
      percentile: t.exposeFloat('percentile', {
        nullable: true,
        description:
          'The share of the other departments of its sector (with a composite) that it scores above, 0 to 1; null alone, without a composite, and where rank is withheld.',
      }),
      percentileText: t.string({
        nullable: true,
        resolve: (p) => formatFraction(p.percentile),
        description: 'percentile as a percentage.',
      }),
      sectorComposite: t.field({
        type: SectorDistributionRef,
        resolve: (p) => p.sectorComposite,
        description: `The composite across the sector’s departments with one that year: the sector benchmark (tooSmall under ${MIN_PEER_GROUP}).`,
      }),
      components: t.field({
        type: [TargetSettingComponentRef],
        resolve: shownComponents,
        description: `The ${PROFILE_COMPONENTS.length} components, in a fixed order, computable or not.`,
      }),
      explanation: t.string({
        resolve: profileExplanation,
        description: EXPLANATION_DESCRIPTION,
      }),
    }),
  });

const ProfileWeightRef = builder.objectRef<ProfileComponent>('ProfileWeight').implement({
  description: 'A component of the target-setting profile and its documented weight.',
  fields: (t) => ({
    component: t.field({
      type: ProfileComponentEnum,
      resolve: (c) => c,
      description: 'The component.',
    }),
    weight: t.float({
      resolve: (c) => PROFILE_WEIGHTS[c],
      description: 'Its weight in the composite, a fraction; the weights sum to 1.',
    }),
    weightText: t.string({
      resolve: (c) => formatFraction(PROFILE_WEIGHTS[c])!,
      description: 'weight as a percentage.',
    }),
    evidence: t.string({
      resolve: (c) => COMPONENT_TEXT[c].evidence,
      description: 'What the component is evidence of.',
    }),
  }),
});

const TargetSettingProfilesRef = builder
  .objectRef<TargetSettingProfiles>('TargetSettingProfiles')
  .implement({
    description:
      'The target-setting profile (docs/domain.md): per department and year the low-target risk score, the share just above target, the ambition shortfall and the copied share, their weighted composite, its rank and percentile in the sector, and the sector’s quartiles of it.',
    fields: (t) => ({
      departmentCount: t.exposeInt('departmentCount', {
        description: 'Departments with a report in the scope.',
      }),
      syntheticCount: t.exposeInt('syntheticDepartments', {
        description: 'Of them, synthetic demo departments.',
      }),
      weights: t.field({
        type: [ProfileWeightRef],
        resolve: () => [...PROFILE_COMPONENTS],
        description: 'The components and their weights, as documented.',
      }),
      profiles: t.field({
        type: [TargetSettingProfileRef],
        resolve: (a) => a.profiles,
        description:
          'One per department-year of the departments returned (at most `first`): the department with the highest composite first, each department’s years ascending.',
      }),
    }),
  });

/**
 * The answer as the viewer may see it: a DEPARTMENT token's own profiles, the sector as
 * quartiles over at least MIN_PEER_GROUP departments, and no rank or percentile in a smaller
 * sector, where a position beside one's own composite tells a peer's.
 */
function profilesFor(viewer: Viewer, a: TargetSettingProfiles): TargetSettingProfiles {
  const profiles = ownRows(viewer, a.profiles, (p) => p.departmentCode).map((p) => {
    const withheld = viewer.role === 'DEPARTMENT' && p.sectorComposite.departments < MIN_PEER_GROUP;
    return {
      ...p,
      sectorComposite: sectorFor(viewer, p.sectorComposite),
      rank: withheld ? null : p.rank,
      percentile: withheld ? null : p.percentile,
    };
  });
  return { ...a, profiles };
}

builder.queryFields((t) => ({
  targetSettingProfile: t.field({
    type: TargetSettingProfilesRef,
    description:
      'The target-setting profile: per department and year the four target-setting components (low-target risk, just above target, ambition shortfall, copied actuals) with their raw figures, scores and weights, their composite, its rank and percentile within the sector, and the sector’s quartiles. A screening aid, not a verdict.',
    args: signalArgs(t.arg, {
      againstSector: 'ranked within',
      order: 'the highest composite first',
    }),
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) =>
      profilesFor(ctx.viewer, await targetSettingProfile(ctx.db, signalScope(ctx.viewer, args))),
  }),
}));
