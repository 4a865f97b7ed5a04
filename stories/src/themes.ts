// SPDX-License-Identifier: EUPL-1.2
/**
 * The themes the stories are shown in: the elements' defaults (no custom
 * property set) and a city charter (« charte graphique ») given only through
 * the `--gusp-…` custom properties of packages/elements/src/styles/tokens.ts.
 * The charter's colours keep WCAG 2.2 AA contrast (text ≥ 4.5:1 on its background).
 */
export const themes = {
  default: {},
  charter: {
    '--gusp-font-family': 'Georgia, "Times New Roman", serif',
    '--gusp-font-size': '1.0625rem',
    '--gusp-color-text': '#202124',
    '--gusp-color-muted': '#4a4a55',
    '--gusp-color-background': '#fffdf7',
    '--gusp-color-surface': '#f3ede1',
    '--gusp-color-border': '#5c5c66',
    '--gusp-color-primary': '#7b1e4f',
    '--gusp-color-on-primary': '#ffffff',
    '--gusp-color-focus': '#005a9c',
    '--gusp-color-error': '#a3001b',
    '--gusp-color-success': '#1a5c2e',
    '--gusp-color-warning-background': '#fdf0cf',
    '--gusp-color-warning-text': '#4f3700',
    '--gusp-radius': '0',
    '--gusp-space': '1.25rem',
  },
} satisfies Record<string, Record<string, string>>;

export type ThemeName = keyof typeof themes;

/** `style` text setting a theme's custom properties. */
export const themeStyle = (name: string): string =>
  Object.entries(themes[name as ThemeName] ?? {})
    .map(([property, value]) => `${property}: ${value}`)
    .join('; ');
