-- Template families (docs/domain.md, "Other templates"): which template a report follows, and
-- a self-score without the Guangzhou template's 履职效能 / 管理效率 parts. A national-framework
-- report (财预〔2013〕53号, 投入/过程/产出/效果) scores 100 points in one table: its duty and
-- management parts do not exist and stay NULL, rather than being invented.
-- DuckDB cannot add a column with a constraint: add it with its default, then forbid NULL.
ALTER TABLE reports ADD COLUMN template VARCHAR DEFAULT 'GUANGZHOU';
ALTER TABLE reports ALTER COLUMN template SET NOT NULL;
ALTER TABLE reports ALTER COLUMN duty_score DROP NOT NULL;
ALTER TABLE reports ALTER COLUMN duty_weight DROP NOT NULL;
ALTER TABLE reports ALTER COLUMN management_score DROP NOT NULL;
ALTER TABLE reports ALTER COLUMN management_weight DROP NOT NULL;
