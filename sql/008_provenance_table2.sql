-- Provenance of 表2 (docs/domain.md, "Provenance"): the line and page of each expenditure-by-
-- nature row. NULL where the amounts come from prose, and for rows stored before.
ALTER TABLE expenditure_by_nature ADD COLUMN line INTEGER;
ALTER TABLE expenditure_by_nature ADD COLUMN page INTEGER;
