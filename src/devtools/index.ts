import { browser } from '../shared/browser';

// Paths are relative to the extension root in both browsers.
void browser.devtools.panels.create('CORS', '/assets/icon-32.png', '/src/panel/index.html');
