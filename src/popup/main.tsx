import '../shared/ui/theme.css';
import './popup.css';
import { render } from 'preact';
import { Popup } from './popup';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
