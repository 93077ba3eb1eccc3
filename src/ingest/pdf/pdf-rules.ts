import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { applyAffine, compose, type Affine } from './pdf-affine.js';
import type { RuleSegment } from './pdf-page.js';

/** A filled rectangle at most this thick (points) is a drawn line, e.g. a table border. */
const THIN = 2.5;
/** Coordinates closer than this (points) count as the same: a line this far off axis is straight. */
const SLACK = 0.5;
/** Shorter lines are ticks or glyph-like marks, not borders. */
const MIN_LENGTH = 2;

const STROKES = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILLS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

interface Vertex {
  x: number;
  y: number;
  /** The edge from the previous vertex is a straight line (not a curve). */
  straight: boolean;
}

interface Subpath {
  vertices: Vertex[];
  closed: boolean;
}

/**
 * Subpaths of a `constructPath` operation, in reading space. pdf.js 4 gives the path operators
 * (`OPS.moveTo`, `OPS.lineTo`, `OPS.rectangle` …) and, in a second list, their coordinates.
 */
function subpaths(ops: readonly number[], coords: readonly number[], m: Affine): Subpath[] {
  const paths: Subpath[] = [];
  let current: Subpath | null = null;
  const at = (x: number, y: number, straight: boolean): Vertex => {
    const [px, py] = applyAffine(m, x, y);
    return { x: px, y: py, straight };
  };
  let i = 0;
  for (const op of ops) {
    if (op === OPS.moveTo) {
      current = { vertices: [at(coords[i]!, coords[i + 1]!, false)], closed: false };
      paths.push(current);
      i += 2;
    } else if (op === OPS.lineTo) {
      current?.vertices.push(at(coords[i]!, coords[i + 1]!, true));
      i += 2;
    } else if (op === OPS.rectangle) {
      const [x, y, w, h] = [coords[i]!, coords[i + 1]!, coords[i + 2]!, coords[i + 3]!];
      paths.push({
        vertices: [at(x, y, false), at(x + w, y, true), at(x + w, y + h, true), at(x, y + h, true)],
        closed: true,
      });
      current = null;
      i += 4;
    } else if (op === OPS.curveTo) {
      current?.vertices.push(at(coords[i + 4]!, coords[i + 5]!, false));
      i += 6;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      current?.vertices.push(at(coords[i + 2]!, coords[i + 3]!, false));
      i += 4;
    } else if (op === OPS.closePath) {
      if (current) current.closed = true;
      // A path that goes on after closing starts again from its first point.
      current = current ? { vertices: [current.vertices[0]!], closed: false } : null;
      if (current) paths.push(current);
    } else {
      break; // an operator this reader does not know: the rest of the path cannot be read
    }
  }
  return paths;
}

function segment(x0: number, y0: number, x1: number, y1: number): RuleSegment | null {
  if (Math.abs(y1 - y0) <= SLACK && Math.abs(x1 - x0) >= MIN_LENGTH) {
    return { axis: 'H', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) };
  }
  if (Math.abs(x1 - x0) <= SLACK && Math.abs(y1 - y0) >= MIN_LENGTH) {
    return { axis: 'V', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) };
  }
  return null;
}

/** The straight axis-parallel edges of a stroked subpath. */
function strokedEdges(path: Subpath): RuleSegment[] {
  const { vertices } = path;
  const edges: RuleSegment[] = [];
  const closing = path.closed && vertices.length > 2 ? [vertices[0]!] : [];
  [...vertices.slice(1), ...closing].forEach((v, k) => {
    const from = vertices[k]!;
    const straight = k < vertices.length - 1 ? v.straight : true;
    const edge = straight ? segment(from.x, from.y, v.x, v.y) : null;
    if (edge) edges.push(edge);
  });
  return edges;
}

/** A filled subpath that is a thin bar, as a line along its middle; other fills are areas. */
function filledBar(path: Subpath): RuleSegment | null {
  const xs = path.vertices.map((v) => v.x);
  const ys = path.vertices.map((v) => v.y);
  const [left, right, bottom, top] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  if (top - bottom <= THIN && right - left >= MIN_LENGTH) {
    return { axis: 'H', at: (top + bottom) / 2, from: left, to: right };
  }
  if (right - left <= THIN && top - bottom >= MIN_LENGTH) {
    return { axis: 'V', at: (left + right) / 2, from: bottom, to: top };
  }
  return null;
}

/**
 * The ruling lines a page draws, from pdf.js's operator list, in reading space (`base` maps PDF
 * user space there). Tracks the graphics state (save, restore, cm, form XObjects); a path counts
 * when it is stroked or filled, so clipping paths (ended without painting) are not rules. Curves
 * and slanted lines are left out: table borders are straight and parallel to the page's edges.
 */
export function rulesFromOperators(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  base: Affine,
): RuleSegment[] {
  const rules: RuleSegment[] = [];
  const stack: Affine[] = [];
  let ctm: Affine = base;
  /** The path built since the last painting or ending operator, in reading space. */
  let path: Subpath[] = [];
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = compose(ctm, args as unknown as Affine);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Affine | null | undefined;
      if (matrix) ctm = compose(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      path.push(...subpaths(args[0] as number[], args[1] as number[], ctm));
    } else if (fn === OPS.endPath) path = [];
    else if (STROKES.has(fn) || FILLS.has(fn)) {
      for (const subpath of path) {
        if (fn === OPS.closeStroke || fn === OPS.closeFillStroke || fn === OPS.closeEOFillStroke) {
          subpath.closed = true;
        }
        if (STROKES.has(fn)) rules.push(...strokedEdges(subpath));
        if (FILLS.has(fn)) {
          const bar = filledBar(subpath);
          if (bar) rules.push(bar);
        }
      }
      path = [];
    }
  });
  return rules;
}
