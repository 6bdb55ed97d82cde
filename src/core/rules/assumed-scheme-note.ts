/** The note shown when a bare host:port was accepted: say which scheme we picked and why. */
export function assumedSchemeNote(scheme: 'http' | 'https', value: string): string {
  const why =
    scheme === 'http' ? 'local development servers usually use plain http' : 'public hosts usually use https';
  return `Assumed ${value}: ${why}. Type http:// or https:// to choose.`;
}
