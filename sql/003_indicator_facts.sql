-- Indicator facts derived at import time (roadmap: facts derived at import, indicator year
-- pairs): each 表3 indicator read into measures by the normaliser, and each indicator linked to
-- the same indicator of the department's previous year's report.

ALTER TABLE indicators ADD COLUMN indicator_key VARCHAR;
ALTER TABLE indicators ADD COLUMN understood BOOLEAN;
ALTER TABLE indicators ADD COLUMN not_understood_reason VARCHAR;

-- Topics of each admitted problem (存在的主要问题), e.g. LOW_TARGETS.
ALTER TABLE problems ADD COLUMN topics VARCHAR[];

CREATE TABLE indicator_measures (
  report_id        INTEGER NOT NULL,
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,           -- the indicator's 表3 row
  measure_index    INTEGER NOT NULL,
  comparator       VARCHAR NOT NULL,
  target           DOUBLE,                     -- in base units: % as a fraction, 万人 as 人
  target_high      DOUBLE,
  actual           DOUBLE,
  unit             VARCHAR,
  unit_kind        VARCHAR,
  direction        VARCHAR NOT NULL,
  confidence       VARCHAR NOT NULL,
  actual_kind      VARCHAR NOT NULL,
  target_source    VARCHAR NOT NULL,
  actual_source    VARCHAR,
  attainment       DOUBLE,
  evidence         BOOLEAN NOT NULL,           -- counts for the target-too-low question at all
  ceiling          BOOLEAN NOT NULL,           -- rule CEILING fired
  PRIMARY KEY (report_id, seq, measure_index)
);

-- Same indicator, previous year: how the match was made, so an analyst can judge it.
CREATE TABLE indicator_links (
  report_id      INTEGER NOT NULL,   -- the later report
  year           INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  previous_year  INTEGER NOT NULL,
  previous_seq   INTEGER NOT NULL,
  score          DOUBLE NOT NULL,
  matched_by     VARCHAR NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- Each measure paired with the same measure of the linked indicator of the previous year:
-- last year's actual and whether this year's target fell below it (ratchet failure).
CREATE TABLE measure_links (
  report_id               INTEGER NOT NULL,   -- the later report
  year                    INTEGER NOT NULL,
  seq                     INTEGER NOT NULL,
  measure_index           INTEGER NOT NULL,
  previous_seq            INTEGER NOT NULL,
  previous_measure_index  INTEGER NOT NULL,
  previous_actual         DOUBLE,
  ratchet_failure         BOOLEAN NOT NULL,
  PRIMARY KEY (report_id, seq, measure_index)
);
