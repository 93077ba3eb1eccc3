-- Provenance of deductions (docs/domain.md, "Provenance"): the line and page of the scored row
-- the points were read from. NULL for a deduction only a paragraph states, and for rows stored
-- before.
ALTER TABLE deductions ADD COLUMN line INTEGER;
ALTER TABLE deductions ADD COLUMN page INTEGER;
