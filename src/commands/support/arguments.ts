/** Reading a command's argument object: every field is checked, nothing is trusted. */
import { isStatsFilter, STATS_FILTERS, type StatsFilter } from '../../api/endpoints';

export class ArgumentError extends Error {}

export function argumentObject(value: unknown, command: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ArgumentError(`${command} takes an argument object, not ${Array.isArray(value) ? 'an array' : typeof value}.`);
  return value as Record<string, unknown>;
}

export function requiredString(argument: Record<string, unknown>, field: string, command: string): string {
  const value = argument[field];
  if (typeof value !== 'string' || value.trim() === '') throw new ArgumentError(`${command} needs "${field}" (a string) in its argument.`);
  return value;
}

export function optionalFilters(argument: Record<string, unknown>, command: string): StatsFilter[] | undefined {
  const value = argument.filters;
  if (value === undefined || value === null) return undefined;
  const list =
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value;
  if (!Array.isArray(list) || !list.every(isStatsFilter)) {
    throw new ArgumentError(`${command}: "filters" must be an array of ${STATS_FILTERS.join(', ')}.`);
  }
  return list;
}

export function optionalBoolean(argument: Record<string, unknown>, field: string, command: string): boolean | undefined {
  const value = argument[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ArgumentError(`${command}: "${field}" must be true or false.`);
  return value;
}
