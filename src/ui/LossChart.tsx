// The loss over training steps as a small line chart.
export function LossChart({ losses, width = 320, height = 120 }: { losses: readonly number[]; width?: number; height?: number }) {
  const finite = losses.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const pad = 6;
  const x = (i: number) => pad + (i / (losses.length - 1)) * (width - 2 * pad);
  const y = (v: number) => pad + (1 - (v - min) / span) * (height - 2 * pad);
  const points = losses
    .map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null))
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="loss-chart" width={width} height={height} role="img" aria-label={`loss from ${finite[0]} to ${finite.at(-1)}`} data-testid="loss-chart">
      <rect x="0" y="0" width={width} height={height} className="loss-bg" />
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
