/**
 * QR codes drawn on the server as SVG (qrcode-generator: no dependencies, MIT), so a printed
 * slip or a poster works without JavaScript and without any outside service.
 */
import qrcode from 'qrcode-generator';

/** An SVG QR code of `text` (error correction M, scalable, dark on white). */
export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}
