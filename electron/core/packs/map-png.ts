import zlib from 'node:zlib';
import { BORDER, fittedCountries, SEA } from './map-draw';
import type { RenderedMap } from './types';

// A map slide's map as a PNG picture, for the deck: pptxgenjs can embed an SVG only with a PNG beside it
// that it cannot make outside a browser, and a picture is what PowerPoint and Impress both show. The
// countries are filled scanline by scanline (even-odd, so a hole such as Lesotho in South Africa stays
// open) from the same projected shapes and fills as the PDF's vectors.

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 3);
  }

  private put(x: number, y: number, c: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels.set(c, (y * this.width + x) * 3);
  }

  /** Fills the rings even-odd, sampling each row at its pixels' centres. */
  fill(rings: [number, number][][], c: Rgb): void {
    const edges: number[][] = [];
    let top = Infinity;
    let bottom = -Infinity;
    for (const ring of rings)
      ring.forEach((p, i) => {
        const q = ring[(i + 1) % ring.length];
        if (p[1] !== q[1]) edges.push([p[0], p[1], q[0], q[1]]);
        top = Math.min(top, p[1]);
        bottom = Math.max(bottom, p[1]);
      });
    for (let y = Math.max(0, Math.floor(top)); y <= Math.min(this.height - 1, Math.ceil(bottom)); y++) {
      const yc = y + 0.5;
      const xs: number[] = [];
      for (const [x0, y0, x1, y1] of edges) if (y0 <= yc !== y1 <= yc) xs.push(x0 + ((yc - y0) * (x1 - x0)) / (y1 - y0));
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) for (let x = Math.max(0, Math.ceil(xs[k] - 0.5)); x <= Math.min(this.width - 1, Math.floor(xs[k + 1] - 0.5)); x++) this.put(x, y, c);
    }
  }

  /** A ring's outline, one pixel wide. */
  outline(ring: [number, number][], c: Rgb): void {
    ring.forEach((p, i) => {
      const q = ring[(i + 1) % ring.length];
      const n = Math.max(1, Math.ceil(Math.max(Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1]))));
      for (let s = 0; s <= n; s++) this.put(Math.floor(p[0] + ((q[0] - p[0]) * s) / n), Math.floor(p[1] + ((q[1] - p[1]) * s) / n), c);
    });
  }

  png(): Buffer {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    // Each row starts with its filter byte (0: none).
    for (let y = 0; y < this.height; y++) raw.set(this.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
    return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  }
}

export interface MapPicture {
  png: Buffer;
  /** Where the picture goes inside the box it was made for, in points (the map keeps its proportions). */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The map fitted into a box of `width` × `height` points, drawn at `scale` pixels per point. */
export function mapPicture(map: RenderedMap, width: number, height: number, scale = 3): MapPicture {
  const { countries, drawn } = fittedCountries(map, { x: 0, y: 0, width: width * scale, height: height * scale }, 0.75);
  const raster = new Raster(Math.ceil(drawn.width), Math.ceil(drawn.height), rgb(SEA));
  const shifted = countries.map((c) => ({ ...c, rings: c.rings.map((r) => r.map(([x, y]) => [x - drawn.x, y - drawn.y] as [number, number])) }));
  for (const c of shifted) raster.fill(c.rings, rgb(c.fill));
  // Borders last, so neighbours of one class still read as two countries.
  for (const c of shifted) for (const r of c.rings) raster.outline(r, rgb(BORDER));
  return { png: raster.png(), x: drawn.x / scale, y: drawn.y / scale, width: drawn.width / scale, height: drawn.height / scale };
}
