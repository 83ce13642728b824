// Paint layers for big graphs. Blink caches the painting of a layer as a whole,
// but SVG shapes have no layers of their own: so a step of a 1,000-node graph
// walked every one of its 3,000–4,000 shapes to repaint the few it changed
// (about 3 ms of each step's frame). Each chunk of GraphLayers is therefore
// drawn in its own <foreignObject> holding an <svg> with the same coordinates,
// which Blink paints as a layer of its own: a step repaints the chunks it
// touches and reuses the rest. The boxes only place and size those layers
// (content is allowed to overflow them); the drawing is the same.
import { unionBox, type Box } from './followView';

/** Room around a chunk's nodes: a PARAM/DATA badge sits above a node, a partial gradient's dashed stroke on its border. */
export const NODE_LAYER_PAD = 24;

/** The union of `boxes[start .. start + size)`, widened by `pad`; null for an empty chunk. */
export function chunkBox(boxes: readonly Box[], start: number, size: number, pad = 0): Box | null {
  const u = unionBox(boxes.slice(start, start + size));
  if (!u) return null;
  // Whole drawing units: the layer and its <svg> then map 1:1 without rounding.
  return { x0: Math.floor(u.x0 - pad), y0: Math.floor(u.y0 - pad), x1: Math.ceil(u.x1 + pad), y1: Math.ceil(u.y1 + pad) };
}

/** The box of every chunk of `size` boxes, in order. */
export function chunkBoxes(boxes: readonly Box[], size: number, pad = 0): (Box | null)[] {
  const out: (Box | null)[] = [];
  for (let start = 0; start < boxes.length; start += size) out.push(chunkBox(boxes, start, size, pad));
  return out;
}
