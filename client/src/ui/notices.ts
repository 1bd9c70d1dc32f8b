// Messages for the user: errors in a dismissible banner (saying what to do), short confirmations in the status bar.
import { button, h } from "./dom.ts";

export interface Notices {
  error(message: string): void;
  info(message: string): void;
  clear(): void;
}

export function createNotices(banner: HTMLElement, statusLine: HTMLElement): Notices {
  let infoTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    error(message) {
      banner.replaceChildren(
        h("span", { class: "banner-text", attrs: { "data-testid": "error-message" } }, message),
        button("Dismiss", () => ((banner.hidden = true), banner.replaceChildren()), { class: "banner-close" }),
      );
      banner.hidden = false;
      banner.setAttribute("role", "alert");
    },
    info(message) {
      statusLine.textContent = message;
      if (infoTimer) clearTimeout(infoTimer);
      infoTimer = setTimeout(() => (statusLine.textContent = ""), 6_000);
    },
    clear() {
      banner.replaceChildren();
      banner.hidden = true;
    },
  };
}
