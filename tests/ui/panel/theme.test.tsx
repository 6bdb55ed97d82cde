// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { followDevtoolsTheme } from '../../../src/panel/follow-devtools-theme';

function fakePanels(themeName?: string) {
  const listeners: ((theme: string) => void)[] = [];
  return {
    themeName,
    onThemeChanged: { addListener: (l: (theme: string) => void) => listeners.push(l) },
    change: (theme: string) => {
      for (const l of listeners) l(theme);
    },
  };
}

describe('followDevtoolsTheme', () => {
  it('takes the DevTools theme, not the fallback, and follows its changes', () => {
    const root = document.createElement('html');
    const panels = fakePanels('dark');
    followDevtoolsTheme(root, panels, 'light');
    expect(root.dataset.theme).toBe('dark');
    panels.change('default');
    expect(root.dataset.theme).toBe('light');
    panels.change('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('uses the fallback outside DevTools, and leaves the OS preference alone without either', () => {
    const root = document.createElement('html');
    followDevtoolsTheme(root, undefined, 'dark');
    expect(root.dataset.theme).toBe('dark');
    const bare = document.createElement('html');
    followDevtoolsTheme(bare, undefined, undefined);
    expect(bare.dataset.theme).toBeUndefined();
  });

  it('follows Chrome, which reports theme changes to setThemeChangeHandler', () => {
    const root = document.createElement('html');
    let handler: ((theme: string) => void) | undefined;
    followDevtoolsTheme(root, {
      themeName: 'default',
      setThemeChangeHandler: (h) => {
        handler = h;
      },
    });
    expect(root.dataset.theme).toBe('light');
    handler?.('dark');
    expect(root.dataset.theme).toBe('dark');
  });
});
