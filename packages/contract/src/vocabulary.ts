import { languages } from './roles';

/** Words of the catalog that the schemas and the web app's forms share (no zod here: see values.ts). */
export const packagingLevels = ['each', 'inner_pack', 'case', 'pallet'] as const;
export const identifierKinds = ['gtin', 'proprietary', 'imei_tac'] as const;
export const featureKinds = ['genuine', 'counterfeit', 'security', 'packaging'] as const;
export const productStatuses = ['draft', 'published'] as const;

/** The columns a CSV import may have (each at most once; `reference`, `brand` and a name are needed). */
export const importCsvColumns: readonly string[] = [
  'reference',
  'brand',
  'status',
  'default_language',
  'category',
  'hs_code',
  'gtin',
  'imei_tac',
  'proprietary_pattern',
  ...['name', 'description', 'instructions'].flatMap((field) => languages.map((lang) => `${field}_${lang}`)),
];

/** Cases (interceptions): their states, in workflow order (see ARCHITECTURE.md, "Cases"). */
export const caseStatuses = [
  'draft',
  'submitted',
  'answered',
  'detained',
  'released',
  'destroyed',
  'court',
  'closed',
] as const;
/** The states an officer moves a case to, once submitted (`POST /cases/{id}/transition`). */
export const caseTransitionTargets = ['detained', 'released', 'destroyed', 'court', 'closed'] as const;
export const transportModes = ['sea', 'air', 'road', 'rail', 'post', 'courier', 'other'] as const;
export const caseVerdicts = ['genuine', 'counterfeit', 'needs_sample', 'not_ours'] as const;
export const caseLineUnits = ['pieces', 'packages', 'kg', 'litres', 'pairs', 'sets'] as const;
/** The case list's orders: newest first, or the nearest answer deadline first (cases without one last). */
export const caseListSorts = ['newest', 'deadline'] as const;
