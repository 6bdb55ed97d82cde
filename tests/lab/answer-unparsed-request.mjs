// @ts-check
// Node's HTTP parser refuses any method outside its fixed list, so a script's lowercase `patch` (which browsers
// send as is: Fetch normalizes only DELETE, GET, HEAD, OPTIONS, POST and PUT) would get Node's bare 400 and never
// reach the lab. This answers such a request from its raw bytes through the lab's normal handler, as a real
// server would, so the lab's plan and request log still apply.
import { STATUS_CODES } from 'node:http';

/**
 * @param {(req: any, res: any) => unknown} handler the lab's request listener
 * @returns {(error: Error & { code?: string, rawPacket?: Buffer }, socket: import('node:stream').Duplex) => void}
 */
export function answerUnparsedRequest(handler) {
  return (error, socket) => {
    const raw = error.rawPacket?.toString('latin1') ?? '';
    const head = raw.split('\r\n\r\n', 1)[0] ?? '';
    const [requestLine = '', ...lines] = head.split('\r\n');
    const [method, url, version] = requestLine.split(' ');
    if (
      error.code !== 'HPE_INVALID_METHOD' ||
      !method ||
      !url?.startsWith('/') ||
      !version?.startsWith('HTTP/')
    ) {
      if (socket.writable)
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    /** @type {string[]} */
    const rawHeaders = [];
    /** @type {Record<string, string>} */
    const headers = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      rawHeaders.push(name, value);
      headers[name.toLowerCase()] = value;
    }
    let status = 200;
    /** @type {string[]} */
    let flat = [];
    const res = {
      sendDate: false,
      /** @param {number} code @param {string[]} list */
      writeHead(code, list) {
        status = code;
        flat = list;
      },
      /** @param {string | Buffer | undefined} body */
      end(body) {
        let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Status'}\r\n`;
        for (let i = 0; i < flat.length; i += 2) text += `${flat[i]}: ${flat[i + 1]}\r\n`;
        socket.end(
          Buffer.concat([Buffer.from(`${text}Connection: close\r\n\r\n`, 'latin1'), Buffer.from(body ?? '')]),
        );
      },
    };
    void handler({ method, url, headers, rawHeaders }, res);
  };
}
