/** Local Network Access's address spaces, most private first. `unknown`: a host name only DNS can place. */
export type AddressSpace = 'loopback' | 'local' | 'public' | 'unknown';

// IPv4 blocks Local Network Access counts as local (private) besides loopback: RFC 1918, carrier-grade NAT
// (RFC 6598), link-local (RFC 3927) and the benchmarking range (RFC 2544).
const LOCAL_V4: [number, number][] = [
  [0x0a000000, 8],
  [0x64400000, 10],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0xa9fe0000, 16],
  [0xc6120000, 15],
];

/**
 * The address space of a URL's host as far as the name alone tells: IP literals and the reserved names
 * `localhost` / `*.localhost` (loopback) and `*.local` (mDNS, local). Other names are `unknown`.
 */
export function addressSpaceOfHost(hostname: string): AddressSpace {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.endsWith('.local')) return 'local';
  const v4 = ipv4(host);
  if (v4 !== undefined) {
    if (v4 >>> 24 === 127) return 'loopback';
    return LOCAL_V4.some(([net, bits]) => v4 >>> (32 - bits) === net >>> (32 - bits)) ? 'local' : 'public';
  }
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Space(host.slice(1, -1));
  return 'unknown';
}

function ipv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0) >>> 0;
}

// The URL parser has already compressed the address (e.g. "::1", "fe80::1", "::ffff:a00:1").
function ipv6Space(address: string): AddressSpace {
  if (address === '::1') return 'loopback';
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const n =
      ((Number.parseInt(mapped[1] as string, 16) << 16) | Number.parseInt(mapped[2] as string, 16)) >>> 0;
    return addressSpaceOfHost([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  const first = Number.parseInt(address.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return 'local';
  return 'public';
}
