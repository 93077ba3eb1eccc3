import type { DepartmentRow } from '../analytics/departments.js';
import type { ReportRow } from '../analytics/report-parts.js';
import { builder } from './builder.js';

/**
 * Object references shared by several type families, declared apart from their
 * implementations so that families can refer to each other without import cycles.
 */
export const DepartmentRef = builder.objectRef<DepartmentRow>('Department');
export const ReportRef = builder.objectRef<ReportRow>('Report');
