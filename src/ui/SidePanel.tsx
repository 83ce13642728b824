// The frame of a tab's panel: a titled section with an explanation paragraph.
import type { ReactNode } from 'react';

export function SidePanel({ id, title, explain, children }: { id: string; title: string; explain?: string; children: ReactNode }) {
  return (
    <section className="side-panel" data-testid={`${id}-panel`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {title}
      </h2>
      {explain && <p>{explain}</p>}
      {children}
    </section>
  );
}
