/**
 * QR codes drawn on the server as SVG (qrcode-generator: no dependencies, MIT), so a printed
 * slip or a poster works without JavaScript and without any outside service. Loaded on first
 * use: only the slip pages need it, so the app starts even where it is not installed yet.
 */
let factory: Promise<typeof import('qrcode-generator')> | undefined;

/** An SVG QR code of `text` (error correction M, scalable, dark on white). */
export async function qrSvg(text: string): Promise<string> {
  factory ??= import('qrcode-generator').then((m) => ((m as unknown as { default?: typeof import('qrcode-generator') }).default ?? m) as typeof import('qrcode-generator'));
  const qrcode = await factory;
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}
