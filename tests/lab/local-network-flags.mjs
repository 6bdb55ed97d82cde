// @ts-check
// How each browser is told that the lab's public page origin is a public address, so that its requests to the
// lab's APIs on 127.0.0.1 meet Local Network Access (both browsers' own testing switches; measured on Chromium 156
// and Firefox ESR 153). `localhost` may resolve to 127.0.0.1 or ::1, so both are overridden.

/** @param {{ publicPageOrigin: string }} lab */
function endpoints(lab) {
  const port = new URL(lab.publicPageOrigin).port;
  return [`127.0.0.1:${port}`, `[::1]:${port}`];
}

/** Chromium flags: the public page is `public`; the APIs keep their real (loopback) address space. @param {{ publicPageOrigin: string }} lab */
export function chromiumPublicPageArgs(lab) {
  return [
    `--ip-address-space-overrides=${endpoints(lab)
      .map((e) => `${e}=public`)
      .join(',')}`,
  ];
}

/**
 * Firefox prefs. Without an answer Firefox waits for the `loopback-network` prompt (5 minutes, network.lna.prompt.timeout);
 * `deny` stands for the user saying no (permissions.default.loopback-network = 2).
 * @param {{ publicPageOrigin: string }} lab @param {{ deny?: boolean }} [options]
 */
export function firefoxPublicPagePrefs(lab, { deny = true } = {}) {
  return {
    'network.lna.address_space.public.override': endpoints(lab).join(','),
    ...(deny ? { 'permissions.default.loopback-network': 2 } : {}),
  };
}
