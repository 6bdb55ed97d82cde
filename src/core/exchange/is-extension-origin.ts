const extensionSchemes = ['chrome-extension:', 'moz-extension:', 'safari-web-extension:'];

/** Requests made by extension pages (ours included) are not the page's CORS traffic. */
export function isExtensionOrigin(origin: string): boolean {
  return extensionSchemes.some((scheme) => origin.startsWith(scheme));
}
