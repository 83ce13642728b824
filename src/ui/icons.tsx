// Small inline icons for the step controls (no icon font is loaded).
const PATHS = {
  first: 'M5 4h2v16H5zM20 4v16L8 12z',
  prev: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M6 4v16l12-8z',
  last: 'M17 4h2v16h-2zM4 4v16l12-8z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
