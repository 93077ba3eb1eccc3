/**
 * What the pickers choose: year, peer group, real or also synthetic departments, the chosen
 * department. The state lives in the page's hash (`#dept=gz-zfw&year=2023&peer=SECTOR&synthetic=1`),
 * so a view can be linked to.
 */

export const DEFAULT_DEPARTMENT = 'gz-zfw';
export const DEFAULT_METRIC = 'BASIC_SHARE';
export const PEER_GROUPS = ['SECTOR', 'LEVEL', 'ALL'];

/** The departments API's answer pages, at most 500 each (the API's limit). */
const PAGE = 500;

/** The state a hash asks for (missing parts stay undefined). */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const year = Number(params.get('year'));
  const synthetic = params.get('synthetic');
  return {
    dept: params.get('dept') ?? undefined,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    peerGroup: PEER_GROUPS.includes(params.get('peer')) ? params.get('peer') : undefined,
    includeSynthetic: synthetic === null ? undefined : synthetic !== '0',
    metric: params.get('metric') ?? undefined,
  };
}

/** The hash of a state. */
export function toHash(state) {
  const params = new URLSearchParams({
    dept: state.dept,
    year: String(state.year),
    peer: state.peerGroup,
    synthetic: state.includeSynthetic ? '1' : '0',
    metric: state.metric,
  });
  return `#${params.toString()}`;
}

/**
 * Every department with the years of its reports, through the DepartmentDirectory operation
 * (no report figures), page by page:
 * `Map<code, { code, name, sector, level, synthetic, years: Set<number> }>`.
 */
export async function loadDepartments(run) {
  const departments = new Map();
  let after = null;
  for (let page = 0; page < 100; page++) {
    const answer = await run('DepartmentDirectory', { first: PAGE, after });
    if (answer.errors.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
    const connection = answer.data.departments;
    for (const node of connection.nodes)
      departments.set(node.code, {
        code: node.code,
        name: node.name,
        sector: node.sector,
        level: node.level,
        synthetic: node.synthetic,
        years: new Set(node.years),
      });
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return departments;
}

/** Years with a report, ascending, among the departments shown. */
export function yearsOf(departments, includeSynthetic) {
  const years = new Set();
  for (const d of departments.values())
    if (includeSynthetic || !d.synthetic) for (const y of d.years) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** Whether a department belongs to the chosen one's peer group. */
export function isPeer(dept, chosen, peerGroup) {
  if (!chosen || peerGroup === 'ALL') return true;
  if (peerGroup === 'SECTOR') return (dept.sector ?? null) === (chosen.sector ?? null);
  return dept.level === chosen.level;
}

/**
 * The population of the cross-department charts: departments with a report in the year, of the
 * chosen department's peer group, real only unless synthetic ones are included.
 */
export function peersOf(departments, state) {
  const chosen = departments.get(state.dept);
  return [...departments.values()].filter(
    (d) =>
      d.years.has(state.year) &&
      (state.includeSynthetic || !d.synthetic) &&
      isPeer(d, chosen, state.peerGroup),
  );
}

/**
 * The `departments` variable for that population: null (all departments) when it is everything
 * there is, else the list of codes (the API takes at most 500).
 */
export function departmentsVariable(departments, state, peers) {
  const all = [...departments.values()].filter((d) => d.years.has(state.year));
  if (peers.length === all.length) return null;
  return peers.map((d) => d.code).slice(0, 500);
}

/** The peer key of the chosen department under a peer group (as the API names it). */
export function peerKeyOf(chosen, peerGroup) {
  if (!chosen || peerGroup === 'ALL') return 'ALL';
  return peerGroup === 'SECTOR' ? chosen.sector : chosen.level;
}

/**
 * The variables of LowTargetRisk for the chosen department's peer group: what the department
 * page and the targets chart both read (one request, memoised), without the other groups.
 */
export function riskVariables(ctx) {
  return {
    year: ctx.state.year,
    peerGroup: ctx.state.peerGroup,
    includeSynthetic: ctx.state.includeSynthetic,
    peersOf: ctx.state.dept,
  };
}
