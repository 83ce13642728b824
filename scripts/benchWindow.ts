// A page for timing what reaches the screen. In headless Chromium here, the
// window that Playwright opens for a viewport presents all of it but the bottom
// 80 px or so (measured at 1280×800 and 1920×1080): they are laid out and
// painted, never presented. A frame that changes only there (the app's footer:
// the step counter and the timeline) ends no input-latency span, so the trace
// charged that key with the wait for the next frame that changed something
// higher up (50–110 ms, when the graph did not change in sight). The window is
// made larger than the viewport, so that every change is shown, as on a screen.
import type { Browser, Page } from '@playwright/test';

/** Room around the viewport, so that the window covers it whatever its frame takes. */
const MARGIN_PX = 200;

export interface Viewport {
  width: number;
  height: number;
}

/** A new page of `viewport` in a window that shows all of it. */
export async function openBenchPage(browser: Browser, viewport: Viewport): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await cdp.send('Browser.setWindowBounds', {
      windowId,
      bounds: { left: 0, top: 0, width: viewport.width + MARGIN_PX, height: viewport.height + MARGIN_PX },
    });
  } finally {
    await cdp.detach();
  }
  return page;
}
