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

const NL = '\n';
const DATE = '{YYYY}-{MM}-{DD}';
const HOURS = '{HH}:{mm}';

/**
 * The time axis's labels: 24-hour UTC and ISO dates, as the panels' texts write times (uPlot's own are
 * US 12-hour, "8:20am" over "11/20/26"). uPlot's table, one row per tick spacing (in seconds, as these
 * charts' times are): the spacing, a tick's label, then what is added under a tick where the year,
 * month, day, hour, minute or second changed since the tick before (null: nothing for that unit, the
 * next is tried), and the mode (1: added to the label, not in its place).
 */
export const UTC_AXIS_VALUES: Array<Array<string | number | null>> = [
  [365 * 86_400, '{YYYY}', null, null, null, null, null, null, 1],
  [28 * 86_400, '{MMM}', `${NL}{YYYY}`, null, null, null, null, null, 1],
  [86_400, '{MM}-{DD}', `${NL}{YYYY}`, null, null, null, null, null, 1],
  [3_600, HOURS, `${NL}${DATE} UTC`, null, `${NL}${DATE} UTC`, null, null, null, 1],
  [60, HOURS, `${NL}${DATE} UTC`, null, `${NL}${DATE} UTC`, null, null, null, 1],
  [1, ':{ss}', `${NL}${DATE} ${HOURS} UTC`, null, `${NL}${DATE} ${HOURS} UTC`, null, `${NL}${HOURS}`, null, 1],
  [0.001, ':{ss}.{fff}', `${NL}${DATE} ${HOURS} UTC`, null, `${NL}${DATE} ${HOURS} UTC`, null, `${NL}${HOURS}`, null, 1],
];

/** The legend's time, when the cursor is on a chart. */
export const UTC_LEGEND_TIME = `${DATE} {HH}:{mm}:{ss} UTC`;
