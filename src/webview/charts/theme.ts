/** Chart colours from the workbench theme's CSS variables, read when charts are (re)built. */

export interface ChartTheme {
  foreground: string;
  grid: string;
  series: string[];
  band: string;
}

// Eight entries: the compare panel gives each of up to eight participants its own colour.
const SERIES_VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
  '--vscode-terminal-ansiCyan',
  '--vscode-terminal-ansiMagenta',
];
const FALLBACKS = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700', '#11a8cd', '#bc3fbc'];

function cssVariable(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

export function chartTheme(): ChartTheme {
  return {
    foreground: cssVariable('--vscode-descriptionForeground', '#888'),
    grid: cssVariable('--vscode-editorWidget-border', 'rgba(128,128,128,0.25)'),
    series: SERIES_VARIABLES.map((name, index) => cssVariable(name, FALLBACKS[index])),
    band: cssVariable('--vscode-editorError-foreground', '#f14c4c'),
  };
}

export function seriesColour(theme: ChartTheme, index: number): string {
  return theme.series[index % theme.series.length];
}

/** The same palette entry as a CSS value, for HTML beside the charts: it follows a theme change by itself. */
export function seriesCssColour(index: number): string {
  const at = index % SERIES_VARIABLES.length;
  return `var(${SERIES_VARIABLES[at]}, ${FALLBACKS[at]})`;
}
