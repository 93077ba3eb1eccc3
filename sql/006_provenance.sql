-- Provenance (docs/domain.md, "Provenance"): where each figure of a table row or a sentence was
-- read, as the line of the source text and, where the text marks pages, the page. NULL where
-- the text gives no page, and for rows stored before this migration.
ALTER TABLE indicators ADD COLUMN line INTEGER;
ALTER TABLE indicators ADD COLUMN page INTEGER;
ALTER TABLE management_scores ADD COLUMN line INTEGER;
ALTER TABLE management_scores ADD COLUMN page INTEGER;
ALTER TABLE revenue_by_function ADD COLUMN line INTEGER;
ALTER TABLE revenue_by_function ADD COLUMN page INTEGER;
ALTER TABLE expenditure_by_function ADD COLUMN line INTEGER;
ALTER TABLE expenditure_by_function ADD COLUMN page INTEGER;
ALTER TABLE stated_figures ADD COLUMN page INTEGER;
