// A tiny valid OpenType font, made with opentype.js: a font load through CORS must end in a font the browser accepts
// (its sanitizer rejects junk), so that a failed load means CORS refused it and nothing else.
import opentype from 'opentype.js';

let cached: string | undefined;

/** The font's bytes in base64 (the lab serves it with `bodyBase64`). */
export function testFontBase64(): string {
  if (cached !== undefined) return cached;
  const notdef = new opentype.Glyph({
    name: '.notdef',
    unicode: 0,
    advanceWidth: 500,
    path: new opentype.Path(),
  });
  const path = new opentype.Path();
  path.moveTo(100, 0);
  path.lineTo(400, 0);
  path.lineTo(400, 700);
  path.lineTo(100, 700);
  path.close();
  const a = new opentype.Glyph({ name: 'A', unicode: 65, advanceWidth: 500, path });
  const font = new opentype.Font({
    familyName: 'CorsLensTest',
    styleName: 'Regular',
    unitsPerEm: 1000,
    ascender: 800,
    descender: -200,
    glyphs: [notdef, a],
  });
  cached = Buffer.from(font.toArrayBuffer()).toString('base64');
  return cached;
}
