import '../shared/ui/theme.css';
import './welcome.css';
import { render } from 'preact';
import { Welcome } from './welcome';

const root = document.getElementById('app');
if (root) render(<Welcome />, root);
