import * as dgram from "node:dgram";
import { AddressInfo } from "node:net";

export interface RunningDnsServer {
    /** "127.0.0.1:PORT", ready for dns Resolver.setServers([...]). */
    address: string;
    /** Sets the TXT values of `name` (case-insensitive); `[]` makes the name exist without TXT records. */
    setTxt(name: string, values: string[]): void;
    stop(): Promise<void>;
}

const typeTxt = 16;
const classIn = 1;

/**
 * A tiny authoritative DNS server over UDP on 127.0.0.1 for tests: answers TXT queries from a
 * mutable map, NOERROR with no answers for other types of a known name, NXDOMAIN for unknown names.
 */
export async function startDnsServer(): Promise<RunningDnsServer> {
    const records = new Map<string, string[]>();
    const socket = dgram.createSocket("udp4");
    socket.on("message", (message, remote) => {
        const reply = answer(message, records);
        if (reply) socket.send(reply, remote.port, remote.address);
    });
    await new Promise<void>((resolve, reject) => {
        socket.once("error", reject);
        socket.bind(0, "127.0.0.1", () => {
            socket.off("error", reject);
            resolve();
        });
    });
    const port = (socket.address() as AddressInfo).port;
    let stopped: Promise<void> | undefined;
    return {
        address: `127.0.0.1:${port}`,
        setTxt: (name, values) => records.set(normalize(name), [...values]),
        stop: () => (stopped ??= new Promise<void>((resolve) => socket.close(() => resolve()))),
    };
}

function normalize(name: string): string {
    return name.trim().toLowerCase().replace(/\.$/, "");
}

/** Builds the response to one query, or undefined for a packet that is not a standard query. */
function answer(query: Buffer, records: Map<string, string[]>): Buffer | undefined {
    if (query.length < 12) return undefined;
    const flags = query.readUInt16BE(2);
    const isResponse = (flags & 0x8000) !== 0;
    const opcode = (flags >> 11) & 0xf;
    if (isResponse || query.readUInt16BE(4) !== 1) return undefined;

    const labels: string[] = [];
    let offset = 12;
    while (offset < query.length && query[offset] !== 0) {
        const length = query[offset];
        if ((length & 0xc0) !== 0 || offset + 1 + length > query.length) return undefined;
        labels.push(query.toString("latin1", offset + 1, offset + 1 + length));
        offset += 1 + length;
    }
    offset += 1; // root label
    if (offset + 4 > query.length) return undefined;
    const qtype = query.readUInt16BE(offset);
    const qclass = query.readUInt16BE(offset + 2);
    const question = query.subarray(12, offset + 4);

    const header = Buffer.alloc(12);
    header.writeUInt16BE(query.readUInt16BE(0), 0); // id
    const values = records.get(normalize(labels.join(".")));
    const notImplemented = opcode !== 0;
    const rcode = notImplemented ? 4 : values === undefined ? 3 : 0; // NOTIMP, NXDOMAIN, NOERROR
    const recursionDesired = flags & 0x0100;
    header.writeUInt16BE(0x8000 | (opcode << 11) | 0x0400 | recursionDesired | rcode, 2); // QR, AA
    header.writeUInt16BE(1, 4);

    const answers: Buffer[] = [];
    if (rcode === 0 && values && qtype === typeTxt && qclass === classIn) {
        for (const value of values) answers.push(txtRecord(value));
    }
    header.writeUInt16BE(answers.length, 6);
    return Buffer.concat([header, question, ...answers]);
}

/** One TXT resource record pointing back at the question name, the value split into <=255-byte strings. */
function txtRecord(value: string): Buffer {
    const bytes = Buffer.from(value, "utf8");
    const strings: Buffer[] = [];
    for (let i = 0; i < bytes.length || i === 0; i += 255) {
        const chunk = bytes.subarray(i, i + 255);
        strings.push(Buffer.concat([Buffer.from([chunk.length]), chunk]));
        if (bytes.length === 0) break;
    }
    const rdata = Buffer.concat(strings);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // name: pointer to the question
    fixed.writeUInt16BE(typeTxt, 2);
    fixed.writeUInt16BE(classIn, 4);
    fixed.writeUInt32BE(0, 6); // TTL 0: tests change records at will
    fixed.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([fixed, rdata]);
}
