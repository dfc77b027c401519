import { IsolationBadge } from './IsolationBadge.jsx';

export function Header() {
  return (
    <header class="header">
      <div class="brand">
        <span class="brand-name">glasspy</span>
        <span class="brand-tagline">a glass-box Python 3.11, running in your browser</span>
      </div>
      <IsolationBadge />
    </header>
  );
}
