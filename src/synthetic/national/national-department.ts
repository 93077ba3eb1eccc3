/**
 * What a synthetic national report needs to know about its department (synthetic demo data): its
 * fictitious place in 示例市 and, where its name says so, its kind (公安局, 教育局 …) from the demo
 * catalogue, for sector indicators, duties and functional classes. A name outside the fictitious
 * city is refused, so that no synthetic report can be taken for a real department's.
 */
import { DEPARTMENT_TYPES, SYNTHETIC_CITY, type DepartmentType } from '../department-catalog.js';

export interface NationalDepartment {
  name: string;
  /** Full place (`示例市`, `示例市东湖示范区`). */
  place: string;
  /** Short place for brands (`示例`, `东湖`). */
  placeShort: string;
  /** `全市`, `全区` or `全县`. */
  territory: string;
  /** The kind of department, when its name is one of the catalogue's; else null. */
  type: DepartmentType | null;
}

/** Names a department type may have at the end of a department's name. */
function typeNames(type: DepartmentType, place: string): string[] {
  return [type.municipalName, type.districtName]
    .filter((n): n is NonNullable<typeof n> => n !== null)
    .map((n) => (typeof n === 'string' ? n : n(place)));
}

/** Resolves a synthetic department by name; RangeError for a name outside 示例市. */
export function nationalDepartment(name: string): NationalDepartment {
  if (!name.startsWith(SYNTHETIC_CITY) && !name.startsWith(`中国共产党${SYNTHETIC_CITY}`)) {
    throw new RangeError(
      `synthetic department names must belong to the fictitious ${SYNTHETIC_CITY}, got "${name}"`,
    );
  }
  const bare = name.replace(/^中国共产党/, '');
  const district = /^(示例市(\S{2})示范([区县]))/.exec(bare);
  const place = district ? district[1]! : SYNTHETIC_CITY;
  const placeShort = district ? district[2]! : SYNTHETIC_CITY.replace(/市$/, '');
  const territory = district ? `全${district[3]}` : '全市';
  let type: DepartmentType | null = null;
  let matched = 0;
  for (const candidate of DEPARTMENT_TYPES) {
    for (const typeName of typeNames(candidate, place)) {
      if (name.endsWith(typeName) && typeName.length > matched) {
        type = candidate;
        matched = typeName.length;
      }
    }
  }
  return { name, place, placeShort, territory, type };
}
