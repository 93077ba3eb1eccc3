import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type GraphQLSchema,
} from 'graphql';
import { explainEmptyScope, type SoughtThing } from '../analytics/empty-scope.js';
import type { Scope } from '../analytics/scope.js';
import type { GraphQLContext } from './context.js';
import type { Viewer } from './viewer.js';

/** A note on the answer of one root field: an empty answer with the reason it is empty. */
export interface Notice {
  /** The response key of the root field (its alias, or its name). */
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

type Args = Record<string, unknown>;

interface Explained {
  /** The part of the answer that is empty, or false when it holds something. */
  isEmpty(value: unknown): boolean;
  scope(args: Args): Scope;
  sought: SoughtThing;
}

const emptyList = (value: unknown) => Array.isArray(value) && value.length === 0;
/** A page of an analytic (analytic-page.ts) whose whole answer is empty. */
const emptyPage = (value: unknown) => (value as { totalCount?: unknown } | null)?.totalCount === 0;
/** An answer of a target-setting signal with no department in it. */
const noDepartments = (value: unknown) => {
  const answer = value as { departmentCount?: unknown; departments?: unknown } | null;
  return answer?.departmentCount === 0 || emptyList(answer?.departments);
};
const years = (args: Args): Scope => ({
  fromYear: (args.fromYear as number | null | undefined) ?? (args.year as number | undefined),
  toYear: (args.toYear as number | null | undefined) ?? (args.year as number | undefined),
});
const departments = (args: Args) => (args.departments as string[] | null | undefined) ?? null;
const synthetic = (args: Args) => args.includeSynthetic as boolean | null | undefined;

/** A DEPARTMENT token's answers cover its own department; so does the explanation. */
const forViewer = (viewer: Viewer, scope: Scope): Scope =>
  viewer.role === 'DEPARTMENT' ? { ...scope, departments: [viewer.department] } : scope;

/** The analytic root fields whose empty answers are explained, and what each looks for. */
const EXPLAINED: Readonly<Record<string, Explained>> = {
  overshootIndicators: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: {
      en: 'an indicator whose actual overshoots its target (RATIO, CEILING or CHRONIC)',
      zh: '实际值超出目标的指标（RATIO、CEILING 或 CHRONIC）',
    },
  },
  targetRatchet: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: {
      en: "a target below the previous year's actual (this needs reports of consecutive years)",
      zh: '低于上年实际值的目标（需要连续年度的报告）',
    },
  },
  targetRatchetPage: {
    isEmpty: emptyPage,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: {
      en: "a target below the previous year's actual (this needs reports of consecutive years)",
      zh: '低于上年实际值的目标（需要连续年度的报告）',
    },
  },
  lowTargetRisk: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a scored report', zh: '可评分的报告' },
  },
  lowTargetRiskPage: {
    isEmpty: emptyPage,
    scope: (a) => ({ ...years(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a scored report', zh: '可评分的报告' },
  },
  thresholdClustering: {
    isEmpty: noDepartments,
    scope: (a) => ({ ...years(a), departments: departments(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a report with key indicators', zh: '含关键指标的报告' },
  },
  targetAmbition: {
    isEmpty: noDepartments,
    scope: (a) => ({ ...years(a), departments: departments(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a report with key indicators', zh: '含关键指标的报告' },
  },
  copiedActuals: {
    isEmpty: noDepartments,
    scope: (a) => ({ ...years(a), departments: departments(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a report with key indicators', zh: '含关键指标的报告' },
  },
  targetSettingProfile: {
    isEmpty: (value) => {
      const answer = value as { departmentCount?: unknown; profiles?: unknown } | null;
      return answer?.departmentCount === 0 || emptyList(answer?.profiles);
    },
    scope: (a) => ({ ...years(a), departments: departments(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a report with key indicators', zh: '含关键指标的报告' },
  },
  deductionTrends: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), departments: departments(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'points lost (扣分)', zh: '扣分' },
  },
  expenditureStructure: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: { en: 'expenditure figures', zh: '支出数据' },
  },
  expenditureStructurePage: {
    isEmpty: emptyPage,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: { en: 'expenditure figures', zh: '支出数据' },
  },
  metricSeries: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: { en: 'a value of this metric', zh: '该指标的数值' },
  },
  dataQuality: {
    isEmpty: emptyList,
    scope: (a) => ({ ...years(a), departments: departments(a) }),
    sought: {
      en: 'a data-quality finding at this severity or above',
      zh: '该严重程度及以上的数据质量问题',
    },
  },
  benchmark: {
    isEmpty: (value) => (value as { count?: unknown } | null)?.count === 0,
    scope: (a) => ({ ...years(a), includeSynthetic: synthetic(a) }),
    sought: { en: 'a value of this metric', zh: '该指标的数值' },
  },
};

/**
 * Empty answers say why: for each analytic root field whose answer is empty (an empty list, a
 * benchmark of no department), the response carries `extensions.notices` with the reason
 * (src/analytics/empty-scope.ts), in English and in Chinese. An empty list alone cannot tell
 * "nothing was found" from "you asked for a year with no reports".
 */
export function emptyAnswerNoticesPlugin(
  schema: GraphQLSchema,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, operationName, request, contextValue }) {
          if (response.body.kind !== 'single' || !document) return;
          const result = response.body.singleResult;
          const data = result.data as Record<string, unknown> | null | undefined;
          const operation = getOperationAST(document, operationName ?? undefined);
          const queryType = schema.getQueryType();
          if (!data || !operation || operation.operation !== 'query' || !queryType) return;
          const variables = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (!variables.coerced) return;
          const notices: Notice[] = [];
          for (const selection of operation.selectionSet.selections) {
            if (selection.kind !== Kind.FIELD) continue;
            const explained = EXPLAINED[selection.name.value];
            const key = selection.alias?.value ?? selection.name.value;
            const definition = queryType.getFields()[selection.name.value];
            if (!explained || !definition || !explained.isEmpty(data[key])) continue;
            const args = getArgumentValues(definition, selection, variables.coerced);
            try {
              const reason = await explainEmptyScope(
                contextValue.db,
                forViewer(contextValue.viewer, explained.scope(args)),
                explained.sought,
              );
              notices.push({ field: key, ...reason });
            } catch (error) {
              // The answer stands without its explanation; the failure is the server's to see.
              console.error(error);
            }
          }
          if (notices.length > 0) result.extensions = { ...result.extensions, notices };
        },
      };
    },
  };
}
