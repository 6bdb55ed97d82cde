import '../shared/ui/theme.css';
import './grant.css';
import { render } from 'preact';
import { Grant } from './grant';

// Opened by the background for a context that cannot ask for host access itself (Firefox DevTools panels have
// no permissions API): ?id= names the request the background holds.
const root = document.getElementById('app');
if (root) render(<Grant id={new URLSearchParams(location.search).get('id') ?? ''} />, root);
