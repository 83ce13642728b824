// The README's table of data sets, written from the registry so the two agree
// (docs.test.ts checks that the README holds exactly this text).
import { rangeText, type NumberOption } from './options';
import { DATASETS } from './registry';

const COMMON = ['seed', 'test'];

const optionText = (o: NumberOption) => `\`${o.name}=${o.default}\` (${rangeText(o)})`;

export function datasetTable(): string {
  const rows = DATASETS.map((d) => {
    const classes = d.classes(Object.fromEntries(d.options.map((o) => [o.name, o.default])));
    const kind = d.kind === 'image' ? `${d.imageShape[0]}×${d.imageShape[1]} images` : classes === null ? 'regression' : 'points';
    const classText = d.options.some((o) => o.name === 'classes') ? '2–5' : classes === null ? '—' : String(classes);
    const options = d.options.filter((o) => !COMMON.includes(o.name)).map(optionText).join(', ');
    return `| \`${d.name}\` | ${kind} | ${d.features} | ${classText} | ${options} | ${d.doc} |`;
  });
  const common = DATASETS[0].options.filter((o) => COMMON.includes(o.name));
  return [
    '| name | kind | features | classes | options: default (allowed) | what it is |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Every point set also takes ${common.map(optionText).join(' and ')}: ${common.map((o) => `\`${o.name}\` is ${o.doc}`).join('; ')}.`,
  ].join('\n');
}
