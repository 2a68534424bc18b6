// A 5x7 pixel font for the digits, ':' and '.', enough to draw a clock into a picture's luma plane.
const GLYPHS: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  ':': ['00000', '01100', '01100', '00000', '01100', '01100', '00000'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
};

const two = (n: number) => String(n).padStart(2, '0');

/** The local time as HH:MM:SS.t (tenths, so that it visibly runs). */
export function clockText(at: Date): string {
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}.${Math.floor(at.getMilliseconds() / 100)}`;
}

/** Draws the time in white, centred, into the luma plane of a width x height picture. */
export function drawClock(luma: Buffer, width: number, height: number, at: Date): void {
  const text = clockText(at);
  const scale = Math.max(1, Math.floor((width * 0.8) / (text.length * 6)));
  const left = Math.floor((width - text.length * 6 * scale) / 2);
  const top = Math.floor((height - 7 * scale) / 2);
  for (let i = 0; i < text.length; i++) {
    const glyph = GLYPHS[text[i]!]!;
    for (let row = 0; row < 7; row++) {
      for (let col = 0; col < 5; col++) {
        if (glyph[row]![col] !== '1') continue;
        const x0 = left + (i * 6 + col) * scale;
        for (let y = top + row * scale; y < top + (row + 1) * scale; y++) luma.fill(235, y * width + x0, y * width + x0 + scale);
      }
    }
  }
}
