/** Query-string parsing shared by the routes: paging, filters, booleans, IDs and times. */
import { badRequest, type Paging } from './responses';
import { FILTER_NAMES, type FilterName, type Filters } from './shapes';

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireUuid(value: string, name: string): string {
  if (!UUID_PATTERN.test(value)) throw badRequest(`Invalid ${name}: "${value}" is not a UUID`);
  return value;
}

function positiveInteger(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw badRequest(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** 1-based page numbers; per_page is capped rather than refused, as the API does. */
export function paginate<T>(items: readonly T[], query: URLSearchParams): { items: T[]; paging: Paging } {
  const pageNo = positiveInteger(query, 'page_no', 1);
  const perPage = Math.min(MAX_PER_PAGE, positiveInteger(query, 'per_page', DEFAULT_PER_PAGE));
  const offset = (pageNo - 1) * perPage;
  const pageItems = items.slice(offset, offset + perPage);
  // Past the end: an empty page whose end_offset (= offset) is already >= total_count.
  return { items: pageItems, paging: { start_offset: offset + 1, end_offset: offset + pageItems.length, total_count: items.length } };
}

export function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest(`${name} must be true or false, got "${raw}"`);
}

export function enumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw badRequest(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO date-time, got "${raw}"`);
  return time;
}

/** `filters=a,b` with no spaces, as the endpoint docs insist; absent means everything. */
export function filtersParam(query: URLSearchParams): Filters {
  const raw = query.get('filters');
  if (raw === null || raw === '') return undefined;
  const names = raw.split(',');
  for (const name of names) {
    if (!(FILTER_NAMES as readonly string[]).includes(name)) {
      throw badRequest(`Invalid filter "${name}": filters is a comma separated list, without spaces, of ${FILTER_NAMES.join(', ')}`);
    }
  }
  return new Set(names as FilterName[]);
}

/** "min:max" with either side optional, e.g. "2:10" or "100:". */
export function rangeParam(query: URLSearchParams, name: string): { min: number; max: number } | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const match = /^(\d*):(\d*)$/.exec(raw);
  if (!match) throw badRequest(`${name} must look like "min:max", got "${raw}"`);
  return { min: match[1] === '' ? 0 : Number(match[1]), max: match[2] === '' ? Infinity : Number(match[2]) };
}
