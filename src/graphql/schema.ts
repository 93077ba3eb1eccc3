import { builder } from './builder.js';
import './enums.js';
import './department.js';
import './report.js';
import './indicator.js';
import './management.js';
import './data-quality.js';
import './metric.js';
import './benchmark.js';
import './structure.js';
import './deduction-trend.js';
import './target-findings.js';
import './low-target-risk-page.js';
import './target-ratchet-page.js';
import './structure-page.js';
import './threshold-clustering.js';
import './target-ambition.js';
import './copied-actuals.js';
import './target-setting-profile.js';
import './enum-label.js';

/** The GraphQL schema: every type family registered on the builder, built once. */
export const schema = builder.toSchema({ sortSchema: false });
