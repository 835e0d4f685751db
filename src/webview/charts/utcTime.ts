/** Chart times in UTC; no DOM, so it is unit-tested in Node. */

/**
 * Times on a chart's axis and in its legend, for uPlot's `tzDate`: every time in the panels is UTC (the
 * window line, the tables, the issue texts), whatever the browser's zone. uPlot formats a Date's local
 * fields, so this Date's local fields are the UTC time of `seconds`. Built from the fields rather than
 * shifted by the zone's offset, which would be an hour off near a daylight-saving change.
 */
export function utcDate(seconds: number): Date {
  const utc = new Date(seconds * 1000);
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
    utc.getUTCMilliseconds(),
  );
}
