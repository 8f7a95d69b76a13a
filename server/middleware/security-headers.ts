import { secureHeaders } from "hono/secure-headers";

/**
 * Response headers for every answer, pages and API alike.
 *
 * style-src is 'self' with no 'unsafe-inline': the SPA's styles come from the built CSS file, and
 * the inline positions React sets (virtualized rows, bars) are CSSOM writes (`element.style.x`),
 * which CSP does not govern. What it does block is an injected `<style>` element or style="..."
 * markup, the tools of CSS-based data theft. If a library ever needs a `<style>` element, add
 * 'unsafe-inline' to styleSrcElem only, and say why.
 */
export function createSecurityHeaders(options: { secure: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: options.secure ? "max-age=31536000; includeSubDomains" : false,
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      fullscreen: ["self"],
    },
  });
}
