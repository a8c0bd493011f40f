import { createSocket, type Socket } from 'node:dgram';

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, for `Resolver#setServers` or a DNS_SERVERS setting. */
  address: string;
  /** Sets the TXT records of a name (lower case); an empty list removes the name. */
  setTxt(name: string, records: string[]): void;
  close(): Promise<void>;
}

const TXT = 16;

/**
 * A minimal authoritative DNS server on UDP loopback that answers TXT questions from a table and
 * NXDOMAIN otherwise: enough for custom-domain verification to run through a real resolver.
 */
export async function startTestDnsServer(): Promise<TestDnsServer> {
  const records = new Map<string, string[]>();
  const socket: Socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    const answer = respond(query, records);
    if (answer) socket.send(answer, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    setTxt(name, list) {
      if (list.length) records.set(name.toLowerCase(), list);
      else records.delete(name.toLowerCase());
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

function respond(query: Buffer, records: Map<string, string[]>): Buffer | null {
  if (query.length < 17) return null;
  let offset = 12;
  const labels: string[] = [];
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset] as number;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += length + 1;
  }
  const questionEnd = offset + 5;
  if (questionEnd > query.length) return null;
  const qtype = query.readUInt16BE(offset + 1);
  const found = records.get(labels.join('.').toLowerCase());
  const answers = qtype === TXT && found ? found : [];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(found ? 0x8580 : 0x8583, 2); // response, authoritative, RD+RA; rcode 0 or NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const parts = [header, query.subarray(12, questionEnd)];
  for (const text of answers) {
    const data = Buffer.from(text, 'utf8');
    const rdata = Buffer.concat([Buffer.from([data.length]), data]);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0);
    rr.writeUInt16BE(TXT, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(rdata.length, 10);
    parts.push(rr, rdata);
  }
  return Buffer.concat(parts);
}
