// Cheap per-frame measurements for the "nothing read for a while" hints. They run on a small
// greyscale copy of the region of interest (≈ 160 px on the long side), so they cost well under
// a millisecond next to the decode.

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface FrameStats {
  /** Mean luminance, 0 (black) … 255 (white). */
  luminance: number;
  /** Variance of the 4-neighbour Laplacian: low for blurred (moving or out-of-focus) frames. */
  sharpness: number;
}

interface RgbaLike {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/** Nearest-neighbour downscale to at most `maxSide` on the long side, as luminance bytes. */
export function toGrey(frame: RgbaLike, maxSide = 160): GreyImage {
  const scale = Math.min(1, maxSide / Math.max(frame.width, frame.height));
  const width = Math.max(1, Math.round(frame.width * scale));
  const height = Math.max(1, Math.round(frame.height * scale));
  const data = new Uint8Array(width * height);
  const src = frame.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(frame.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(frame.width - 1, Math.floor(x / scale));
      const p = (sy * frame.width + sx) * 4;
      data[y * width + x] = (src[p]! * 306 + src[p + 1]! * 601 + src[p + 2]! * 117) >> 10;
    }
  }
  return { data, width, height };
}

export function meanLuminance({ data }: GreyImage): number {
  if (data.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]!;
  return sum / data.length;
}

export function laplacianVariance({ data, width, height }: GreyImage): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

export function frameStats(frame: RgbaLike, maxSide = 160): FrameStats {
  const grey = toGrey(frame, maxSide);
  return { luminance: meanLuminance(grey), sharpness: laplacianVariance(grey) };
}
