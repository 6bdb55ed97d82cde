import { describe, expect, it } from 'vitest';
import { shortUrl } from '../../../src/panel/row-of';

describe('shortUrl: origin + path of a URL as the browser reports it', () => {
  const cases = [
    'http://127.0.0.1:8081/api/items?page=2',
    'https://api.example.com/v1/orders#top',
    'https://api.example.com/a?b=1#c?d',
    'http://localhost:5173/',
    'https://cdn.example.com/font.woff2',
    'https://xn--bcher-kva.example/p%20q?x=%3F',
  ];
  for (const url of cases) {
    it(url, () => {
      const parsed = new URL(url);
      expect(shortUrl(url)).toBe(parsed.origin + parsed.pathname);
    });
  }
});
