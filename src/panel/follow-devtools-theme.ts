export interface DevtoolsPanels {
  themeName?: string;
  onThemeChanged?: { addListener(listener: (theme: string) => void): void };
}

/**
 * Puts the DevTools theme on `root` as data-theme="light|dark" (DevTools may be dark on a light system, so the
 * OS preference is not enough), and follows changes where the browser reports them (Chrome; Firefox reloads the
 * panel instead). `fallback` stands in outside DevTools (pop-out, screenshots). Unknown names count as light,
 * as DevTools' own "default" theme is.
 */
export function followDevtoolsTheme(
  root: HTMLElement,
  panels: DevtoolsPanels | undefined,
  fallback?: string,
): void {
  const apply = (name: string | undefined) => {
    if (name) root.dataset.theme = name === 'dark' ? 'dark' : 'light';
  };
  apply(panels?.themeName ?? fallback);
  panels?.onThemeChanged?.addListener(apply);
}
