// Barcode formats in the W3C BarcodeDetector vocabulary, and their names in each decoder.
// The door reads Qtickets tickets: QR, Code 128, EAN-13 and ITF by default; PDF417, Aztec and
// Data Matrix are opt-in because every extra format costs time on every frame and adds
// chances of a false read.

export type ScanFormat =
  | 'qr_code'
  | 'code_128'
  | 'ean_13'
  | 'itf'
  | 'pdf417'
  | 'aztec'
  | 'data_matrix';

export const ALL_FORMATS: readonly ScanFormat[] = [
  'qr_code',
  'code_128',
  'ean_13',
  'itf',
  'pdf417',
  'aztec',
  'data_matrix',
];

export const DEFAULT_FORMATS: readonly ScanFormat[] = ['qr_code', 'code_128', 'ean_13', 'itf'];

/** Format names as zxing-wasm (zxing-cpp) spells them. */
export const WASM_FORMAT_NAMES = {
  qr_code: 'QRCode',
  code_128: 'Code128',
  ean_13: 'EAN13',
  itf: 'ITF',
  pdf417: 'PDF417',
  aztec: 'Aztec',
  data_matrix: 'DataMatrix',
} as const satisfies Record<ScanFormat, string>;

/** Maps a decoder's own format name back to ours; unknown names pass through lower-cased. */
export function normaliseFormatName(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const table: Record<string, ScanFormat> = {
    qrcode: 'qr_code',
    qrcodemodel2: 'qr_code',
    code128: 'code_128',
    ean13: 'ean_13',
    itf: 'itf',
    pdf417: 'pdf417',
    aztec: 'aztec',
    azteccode: 'aztec',
    datamatrix: 'data_matrix',
  };
  return table[key] ?? name.toLowerCase();
}

/** Keeps only known formats, in canonical order, without duplicates; empty input means the default set. */
export function normaliseFormats(formats: readonly string[] | undefined): ScanFormat[] {
  if (!formats || formats.length === 0) return [...DEFAULT_FORMATS];
  const wanted = new Set(formats);
  return ALL_FORMATS.filter((f) => wanted.has(f));
}
