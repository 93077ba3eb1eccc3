-- report_facts gains the target-too-low figures of each report (domain.md defaults: RATIO at
-- attainment >= 1.2, CEILING as stored): measurable measures and those overshooting.
CREATE OR REPLACE VIEW report_facts AS
WITH nature AS (
  SELECT
    report_id,
    max(initial_budget)   FILTER (WHERE category = 'TOTAL')     AS total_initial,
    max(full_year_budget) FILTER (WHERE category = 'TOTAL')     AS total_full_year,
    max(final)            FILTER (WHERE category = 'TOTAL')     AS total_final,
    max(final)            FILTER (WHERE category = 'BASIC')     AS basic_final,
    max(final)            FILTER (WHERE category = 'PERSONNEL') AS personnel_final,
    max(final)            FILTER (WHERE category = 'PUBLIC')    AS public_final,
    max(final)            FILTER (WHERE category = 'PROJECT')   AS project_final
  FROM expenditure_by_nature
  GROUP BY report_id
),
lost AS (
  SELECT report_id, sum(points) AS deduction_points
  FROM deductions
  GROUP BY report_id
),
targets AS (
  SELECT
    report_id,
    count(*) FILTER (WHERE evidence) AS measurable,
    count(*) FILTER (WHERE evidence AND (attainment >= 1.2 - 1e-9 OR ceiling)) AS overshooting
  FROM indicator_measures
  GROUP BY report_id
)
SELECT
  r.id AS report_id,
  r.department_code,
  r.year,
  r.synthetic,
  n.total_initial,
  n.total_full_year,
  n.total_final,
  n.basic_final,
  n.personnel_final,
  n.public_final,
  n.project_final,
  CAST(n.basic_final AS DOUBLE)     / nullif(CAST(n.total_final AS DOUBLE), 0)     AS basic_share,
  CAST(n.project_final AS DOUBLE)   / nullif(CAST(n.total_final AS DOUBLE), 0)     AS project_share,
  CAST(n.personnel_final AS DOUBLE) / nullif(CAST(n.total_final AS DOUBLE), 0)     AS personnel_share,
  CAST(n.total_final AS DOUBLE)     / nullif(CAST(n.total_full_year AS DOUBLE), 0) AS execution_rate,
  (CAST(n.total_full_year AS DOUBLE) - CAST(n.total_initial AS DOUBLE))
    / nullif(CAST(n.total_initial AS DOUBLE), 0)                                   AS budget_adjustment,
  r.total_score,
  r.duty_score,
  r.management_score,
  coalesce(l.deduction_points, 0) AS deduction_points,
  coalesce(t.measurable, 0) AS measurable,
  coalesce(t.overshooting, 0) AS overshooting,
  CAST(t.overshooting AS DOUBLE) / nullif(t.measurable, 0) AS overshoot_share
FROM reports r
LEFT JOIN nature n ON n.report_id = r.id
LEFT JOIN lost l ON l.report_id = r.id
LEFT JOIN targets t ON t.report_id = r.id;
