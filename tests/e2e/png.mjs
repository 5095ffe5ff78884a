// Just enough PNG decoding (8-bit RGB/RGBA, non-interlaced, as Chromium writes screenshots) to
// tell a drawn canvas from a blank one without an npm image library.
import { inflateSync } from 'node:zlib';

export class PNG {
  constructor(width, height, channels, pixels) {
    Object.assign(this, { width, height, channels, pixels });
  }

  static read(buffer) {
    let offset = 8, width = 0, height = 0, colourType = 0;
    const idat = [];
    while (offset < buffer.length) {
      const length = buffer.readUInt32BE(offset);
      const type = buffer.toString('ascii', offset + 4, offset + 8);
      const data = buffer.subarray(offset + 8, offset + 8 + length);
      if (type === 'IHDR') {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
        if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
        colourType = data[9];
      } else if (type === 'IDAT') idat.push(data);
      offset += 12 + length;
    }
    const channels = colourType === 6 ? 4 : 3;
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    const pixels = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      for (let x = 0; x < stride; x++) {
        const a = x >= channels ? pixels[y * stride + x - channels] : 0;
        const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
        const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
        let v = line[x];
        if (filter === 1) v += a;
        else if (filter === 2) v += b;
        else if (filter === 3) v += (a + b) >> 1;
        else if (filter === 4) {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        pixels[y * stride + x] = v & 255;
      }
    }
    return new PNG(width, height, channels, pixels);
  }

  distinctColours() {
    const seen = new Set();
    for (let i = 0; i < this.pixels.length; i += this.channels)
      seen.add((this.pixels[i] << 16) | (this.pixels[i + 1] << 8) | this.pixels[i + 2]);
    return seen.size;
  }
}
