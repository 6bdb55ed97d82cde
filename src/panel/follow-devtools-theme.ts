export interface DevtoolsPanels {
  themeName?: string;
  /** Chrome's way (no event there). */
  setThemeChangeHandler?(handler: (theme: string) => void): void;
  /** Firefox's way. */
  onThemeChanged?: { addListener(listener: (theme: string) => void): void };
}

/**
 * Puts the DevTools theme on `root` as data-theme="light|dark" (DevTools may be dark on a light system, so the
 * OS preference is not enough), and follows changes: Chrome reports them only to `setThemeChangeHandler` (seen
 * in real DevTools: switching to dark fires no `onThemeChanged` there), Firefox to `onThemeChanged`.
 * `fallback` stands in outside DevTools (pop-out, screenshots). Unknown names count as light, as DevTools' own
 * "default" theme is.
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
  if (typeof panels?.setThemeChangeHandler === 'function') panels.setThemeChangeHandler(apply);
  else panels?.onThemeChanged?.addListener(apply);
}
