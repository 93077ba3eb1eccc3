-- Core tables: one row per report and its parts as parsed from the text.
-- Money is DECIMAL(18,2) in 万元, exact from parsing to aggregation (domain.md).
-- Child tables copy `year` so that year filters skip row groups without a join (stack-notes.md).
-- No FOREIGN KEY constraints: DuckDB checks them eagerly inside a transaction, which blocks the
-- delete-then-insert that replacing a report needs; the loader keeps the references whole.

CREATE TABLE departments (
  code       VARCHAR PRIMARY KEY,
  name       VARCHAR NOT NULL UNIQUE,
  sector     VARCHAR,
  level      VARCHAR NOT NULL CHECK (level IN ('PROVINCIAL', 'MUNICIPAL', 'DISTRICT', 'COUNTY')),
  synthetic  BOOLEAN NOT NULL DEFAULT false
);

-- Other names a report title may use for a department (full names change, abbreviations).
CREATE TABLE department_aliases (
  alias            VARCHAR PRIMARY KEY,
  department_code  VARCHAR NOT NULL
);

CREATE SEQUENCE report_id_seq START 1;

CREATE TABLE reports (
  id                 INTEGER PRIMARY KEY DEFAULT nextval('report_id_seq'),
  department_code    VARCHAR NOT NULL,
  year               INTEGER NOT NULL,
  title              VARCHAR NOT NULL,
  synthetic          BOOLEAN NOT NULL,
  source_file        VARCHAR NOT NULL,
  content_sha256     VARCHAR NOT NULL,
  duties_text        VARCHAR NOT NULL,   -- 部门职能 (may be withheld for secrecy)
  overview_text      VARCHAR NOT NULL,   -- 年度总体工作和重点工作任务
  performance_text   VARCHAR NOT NULL,   -- 部门整体绩效管理情况
  evaluation_text    VARCHAR NOT NULL,   -- 绩效自评情况 preamble
  revenue_total      DECIMAL(18,2),      -- 年初预算收入 as stated
  full_year_budget   DECIMAL(18,2),      -- 全年预算数 as stated
  final_total        DECIMAL(18,2),      -- 决算支出 as stated
  total_score        DECIMAL(7,2) NOT NULL,
  total_weight       DECIMAL(7,2) NOT NULL,
  duty_score         DECIMAL(7,2) NOT NULL,
  duty_weight        DECIMAL(7,2) NOT NULL,
  management_score   DECIMAL(7,2) NOT NULL,
  management_weight  DECIMAL(7,2) NOT NULL,
  ingested_at        TIMESTAMP NOT NULL DEFAULT current_timestamp,
  UNIQUE (department_code, year)
);

-- (三) 部门整体支出绩效目标: numbered goals.
CREATE TABLE goals (
  report_id  INTEGER NOT NULL,
  year       INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  text       VARCHAR NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 年初预算收入 by functional class (功能分类).
CREATE TABLE revenue_by_function (
  report_id       INTEGER NOT NULL,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  function_class  VARCHAR NOT NULL,
  function_code   VARCHAR,            -- 政府收支分类科目 class code, e.g. 201
  amount          DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 决算支出 by functional class.
CREATE TABLE expenditure_by_function (
  report_id       INTEGER NOT NULL,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  function_class  VARCHAR NOT NULL,
  function_code   VARCHAR,
  amount          DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 表2: expenditure by nature, five categories x three stages.
CREATE TABLE expenditure_by_nature (
  report_id         INTEGER NOT NULL,
  year              INTEGER NOT NULL,
  category          VARCHAR NOT NULL CHECK (category IN ('TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT')),
  initial_budget    DECIMAL(18,2),
  full_year_budget  DECIMAL(18,2),
  final             DECIMAL(18,2),
  PRIMARY KEY (report_id, category)
);

-- Figures the report states in its prose (totals, shares, rates), kept to reconcile against.
CREATE TABLE stated_figures (
  report_id  INTEGER NOT NULL,
  year       INTEGER NOT NULL,
  name       VARCHAR NOT NULL,
  value      DECIMAL(18,4) NOT NULL,
  unit       VARCHAR NOT NULL,          -- '万元' or '%'
  line       INTEGER NOT NULL,          -- line of the source text it was read from
  PRIMARY KEY (report_id, name)
);

-- 表1: key tasks.
CREATE TABLE key_tasks (
  report_id    INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  name         VARCHAR NOT NULL,
  target_text  VARCHAR NOT NULL,
  actual_text  VARCHAR NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 表3: key duty indicators, raw texts kept.
CREATE TABLE indicators (
  report_id    INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  name         VARCHAR NOT NULL,
  target_text  VARCHAR NOT NULL,
  actual_text  VARCHAR NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 表4: management-efficiency scoring rows.
CREATE TABLE management_scores (
  report_id   INTEGER NOT NULL,
  year        INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  level1      VARCHAR NOT NULL,
  level2      VARCHAR NOT NULL,
  level3      VARCHAR NOT NULL,
  weight      DECIMAL(7,2) NOT NULL,
  score       DECIMAL(7,2) NOT NULL,
  score_rate  DECIMAL(9,4),              -- as stated, in percent
  PRIMARY KEY (report_id, seq)
);

-- Points lost (扣分): from the analysis paragraphs and from table 4 (weight - score).
CREATE TABLE deductions (
  report_id  INTEGER NOT NULL,
  year       INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  part       VARCHAR NOT NULL CHECK (part IN ('DUTY', 'MANAGEMENT')),
  item       VARCHAR,                    -- level-3 indicator, when known
  level2     VARCHAR,
  reason     VARCHAR,
  points     DECIMAL(7,2) NOT NULL,
  source     VARCHAR NOT NULL CHECK (source IN ('PARAGRAPH', 'TABLE', 'BOTH')),
  PRIMARY KEY (report_id, seq)
);

-- 三、存在的主要问题
CREATE TABLE problems (
  report_id  INTEGER NOT NULL,
  year       INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  text       VARCHAR NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- 四、下一步改进措施
CREATE TABLE improvements (
  report_id  INTEGER NOT NULL,
  year       INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  text       VARCHAR NOT NULL,
  PRIMARY KEY (report_id, seq)
);

-- Reconciliation findings: checks that did not balance exactly. Never hidden, never fatal.
CREATE TABLE data_quality_issues (
  report_id        INTEGER NOT NULL,
  year             INTEGER NOT NULL,
  department_code  VARCHAR NOT NULL,
  seq              INTEGER NOT NULL,
  check_name       VARCHAR NOT NULL,
  severity         VARCHAR NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'ERROR')),
  message          VARCHAR NOT NULL,
  expected         DECIMAL(18,4),
  actual           DECIMAL(18,4),
  PRIMARY KEY (report_id, seq)
);
