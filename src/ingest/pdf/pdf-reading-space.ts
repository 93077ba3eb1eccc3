import { applyAffine, applyLinear, compose, type Affine } from './pdf-affine.js';
import type { PdfTextItem } from './pdf-page.js';

/** A text run as pdf.js gives it: its string, its text matrix in user space and its advance. */
export interface RawTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
}

/** A page's reading space: where its text runs left to right and lines go down the page. */
export interface ReadingSpace {
  /** Maps PDF user space into reading space (points, y growing upwards). */
  transform: Affine;
  box: readonly [number, number, number, number];
}

/** Characters that carry no text: controls, and what fonts without a Unicode map decode to. */
const NON_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/** Quarter turns (0-3) of a run's baseline on the displayed page, or null when it is slanted. */
function quarterTurns(display: Affine, item: RawTextItem): number | null {
  const [dx, dy] = applyLinear(display, item.transform[0]!, item.transform[1]!);
  const angle = Math.atan2(dy, dx) / (Math.PI / 2);
  const turns = Math.round(angle);
  return Math.abs(angle - turns) < 0.03 ? (turns + 4) % 4 : null;
}

const ROTATIONS: readonly Affine[] = [
  [1, 0, 0, 1, 0, 0],
  [0, -1, 1, 0, 0, 0],
  [-1, 0, 0, -1, 0, 0],
  [0, 1, -1, 0, 0, 0],
];

/**
 * Chooses the reading space of a page: the displayed page (after /Rotate), turned so that most
 * of its text runs left to right. A landscape table set sideways on a portrait page is then read
 * like any other page. `viewport` is pdf.js's map from user space to the displayed page (y down).
 */
export function readingSpace(
  viewport: Affine,
  width: number,
  height: number,
  items: readonly RawTextItem[],
): ReadingSpace {
  const display = compose([1, 0, 0, -1, 0, height], viewport);
  const weight = [0, 0, 0, 0];
  for (const item of items) {
    const turns = quarterTurns(display, item);
    if (turns !== null) weight[turns]! += item.str.trim().length;
  }
  const dominant = weight.indexOf(Math.max(...weight));
  const turned = compose(ROTATIONS[dominant]!, display);
  const corners = [
    applyAffine(ROTATIONS[dominant]!, 0, 0),
    applyAffine(ROTATIONS[dominant]!, width, height),
  ];
  const left = Math.min(corners[0]![0], corners[1]![0]);
  const bottom = Math.min(corners[0]![1], corners[1]![1]);
  const transform = compose([1, 0, 0, 1, -left, -bottom], turned);
  const turnedWidth = dominant % 2 === 0 ? width : height;
  const turnedHeight = dominant % 2 === 0 ? height : width;
  return { transform, box: [0, 0, turnedWidth, turnedHeight] };
}

/**
 * The page's text runs in reading space. Runs that do not go left to right there (a diagonal
 * watermark, a rotated stamp or margin note) are left out, and so are runs with no visible text.
 */
export function readingItems(space: ReadingSpace, items: readonly RawTextItem[]): PdfTextItem[] {
  const read: PdfTextItem[] = [];
  for (const item of items) {
    const text = item.str.replace(NON_TEXT, '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const [t0, t1, t2, t3, t4, t5] = item.transform as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const [dx, dy] = applyLinear(space.transform, t0, t1);
    if (dx <= 0 || Math.abs(dy) > 0.03 * Math.abs(dx)) continue;
    const [x, y] = applyAffine(space.transform, t4, t5);
    const [ux, uy] = applyLinear(space.transform, t2, t3);
    const size = Math.hypot(ux, uy) || item.height;
    if (!(size > 0)) continue;
    read.push({ text, x, y, width: item.width, size });
  }
  return read;
}
