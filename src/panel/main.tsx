import '../shared/ui/theme.css';
import './panel.css';
import { render } from 'preact';
import { browser } from '../shared/browser';
import { Panel } from './panel';

// Follow the DevTools theme rather than the OS one: DevTools may be dark on a light system.
const themeName = (browser.devtools?.panels as { themeName?: string } | undefined)?.themeName;
if (themeName) document.documentElement.dataset.theme = themeName === 'dark' ? 'dark' : 'light';

const root = document.getElementById('app');
if (root) render(<Panel />, root);
