// Fake-camera helpers: a browser per video (Chromium reads the y4m at launch) and in-page probes
// that time each frame where the video's marker turns black (a code appears) against each new
// verdict on screen.
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, DEMO_PORT } from '../playwright.config.ts';
import { writeTicketVideo, type VideoSegment } from './fixtures/video/make-y4m.ts';

export async function launchWithVideo(videoPath: string, segments: VideoSegment[]): Promise<Browser> {
  await writeTicketVideo(videoPath, { frames: segments, fps: 10 });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${videoPath}`],
  });
}

declare global {
  interface Window {
    __probe: { codeFrames: number[]; verdicts: { at: number; verdict: string; barcode: string }[]; frames: number };
  }
}

/** Installed before the app loads: records marker edges of the camera video and verdict changes. */
function probe() {
  window.__probe = { codeFrames: [], verdicts: [], frames: 0 };
  const canvas = document.createElement('canvas');
  canvas.width = 8;
  canvas.height = 8;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let watched: HTMLVideoElement | null = null;
  let dark = false;
  const onFrame = (video: HTMLVideoElement) => (now: number) => {
    if (ctx && video.videoWidth > 0) {
      ctx.drawImage(video, 0, 0, 32, 32, 0, 0, 8, 8);
      const px = ctx.getImageData(0, 0, 8, 8).data;
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) sum += px[i]!;
      const isDark = sum / (px.length / 4) < 80;
      if (isDark && !dark) window.__probe.codeFrames.push(now);
      dark = isDark;
      window.__probe.frames += 1;
    }
    video.requestVideoFrameCallback(onFrame(video));
  };
  new MutationObserver(() => {
    const video = document.querySelector<HTMLVideoElement>('video.camera-video');
    if (video && video !== watched) {
      watched = video;
      video.requestVideoFrameCallback(onFrame(video));
    }
    const verdict = document.querySelector('[data-testid="verdict"]');
    const id = verdict?.getAttribute('data-scan-id');
    if (verdict && id && Number(id) > window.__probe.verdicts.length) {
      window.__probe.verdicts.push({ at: performance.now(), verdict: verdict.getAttribute('data-verdict') ?? '', barcode: verdict.getAttribute('data-barcode') ?? '' });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-scan-id'] });
}

export async function openDoorWithCamera(browser: Browser, setupLink: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${DEMO_PORT}`, locale: 'ru-RU', ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(setupLink);
  return page;
}

export const probeOf = (page: Page) => page.evaluate(() => window.__probe);

/** Milliseconds from the frame where each verdict's code appeared to the verdict on screen. */
export function latencies(p: Window['__probe']): number[] {
  return p.verdicts.flatMap((v) => {
    const appeared = p.codeFrames.filter((t) => t <= v.at).at(-1);
    return appeared === undefined ? [] : [v.at - appeared];
  });
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
