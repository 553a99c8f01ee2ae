import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The setup link as a QR code image, drawn on the device (the link never leaves it). */
export function SetupQr({ text, alt }: { text: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Level M and a quiet zone of 4 modules: phone cameras read it from a metre off a screen.
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 360, color: { dark: '#000000', light: '#ffffff' } }).then(
      (url) => !cancelled && setSrc(url),
      () => !cancelled && setSrc(null),
    );
    return () => {
      cancelled = true;
    };
  }, [text]);
  return src ? <img className="setup-qr" src={src} alt={alt} width={360} height={360} data-testid="provision-qr" /> : null;
}
