// The drawn graph as a standalone SVG (styles and colours inlined) and as a PNG.
// Tensor nodes (ui/tensor) add their blocks, cells, heatmaps and shape badges, and use --panel, --line and --muted.
const STYLE_SELECTOR = /\.(node|edge|role-|grad-|non-finite|op-symbol|tensor-|block-|cell-|heat|shape-badge)/;
const VARIABLES = ['--value', '--grad', '--partial', '--partial-ink', '--current', '--edge', '--nonfinite', '--node-fill', '--op-fill', '--node-stroke', '--ink', '--panel', '--line', '--muted'];

function graphRules(): string {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(list)) {
      // Not the page's modes, nor its culling of what is far from the view (an export has all of the graph).
      if (rule instanceof CSSStyleRule && STYLE_SELECTOR.test(rule.selectorText) && !rule.selectorText.includes('.mode-') && !rule.selectorText.includes('data-culled')) {
        rules.push(rule.cssText);
      }
    }
  }
  return rules.join('\n');
}

/**
 * Puts the content of each paint layer (paintLayers.ts: a <foreignObject>
 * holding an <svg> in the drawing's own units) straight into a <g>: a file for
 * a slide or an editor is plain SVG, and the drawing is the same.
 */
export function flattenPaintLayers(root: Element): void {
  for (const layer of Array.from(root.querySelectorAll('foreignObject.paint-layer'))) {
    const g = root.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'g');
    const inner = layer.firstElementChild;
    while (inner?.firstChild) g.appendChild(inner.firstChild);
    layer.replaceWith(g);
  }
}

/** A self-contained SVG of the graph as it looks now, `width` × `height` in drawing units. */
export function standaloneSvg(content: SVGGElement, width: number, height: number, themeRoot: Element): string {
  const computed = getComputedStyle(themeRoot);
  const vars = VARIABLES.map((v) => `${v}:${computed.getPropertyValue(v).trim()}`).join(';');
  const background = getComputedStyle(themeRoot).getPropertyValue('--bg').trim() || '#ffffff';
  const clone = content.cloneNode(true) as SVGGElement;
  clone.removeAttribute('transform');
  flattenPaintLayers(clone);
  const font = computed.fontFamily.replace(/"/g, "'");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" font-family="${font}">`,
    `<style>svg{${vars}}\n${graphRules()}</style>`,
    `<rect width="100%" height="100%" fill="${background}"/>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="#8a8f98"/></marker></defs>',
    new XMLSerializer().serializeToString(clone),
    '</svg>',
  ].join('\n');
}

export function pngFromSvg(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no canvas'));
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('could not draw the SVG'));
    };
    image.src = url;
  });
}

export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
