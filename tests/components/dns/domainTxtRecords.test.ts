import * as assert from "assert";
import { DomainTxtRecords, DOMAIN_TXT_RECORDS_TYPE } from "../../../components/dns";
import { RecordingEngine, settle } from "../../../offline/recordingEngine";

async function registeredWhileFailing(build: () => unknown): Promise<{ message: string; registered: string[] }> {
    const engine = new RecordingEngine({ preview: false }).install();
    let message = "";
    try {
        build();
    } catch (err) {
        message = (err as Error).message;
    }
    await settle();
    return { message, registered: engine.resources.map((r) => r.name) };
}

describe("DomainTxtRecords arguments", () => {
    it("uses the type token chatgpt-identity:dns:DomainTxtRecords", () => {
        assert.strictEqual(DOMAIN_TXT_RECORDS_TYPE, "chatgpt-identity:dns:DomainTxtRecords");
    });

    it("refuses a duplicate domain, naming it, and registers nothing", async () => {
        const { message, registered } = await registeredWhileFailing(() => new DomainTxtRecords("d", {
            records: [
                { domain: "district.k12.us", value: "openai-domain-verification=dv-1" },
                { domain: "staff.district.k12.us", value: "openai-domain-verification=dv-2" },
                { domain: "district.k12.us", value: "openai-domain-verification=dv-3" },
            ],
        }));
        assert.strictEqual(message, [
            'DomainTxtRecords "d" has 1 problem; nothing was created:',
            '  - records[2].domain: domain "district.k12.us" is listed twice; each domain and each subdomain gets exactly one TXT record (DOM-2), so list it once',
        ].join("\n"));
        assert.deepStrictEqual(registered, []);
    });

    it("refuses a malformed domain with the config schema's hint", async () => {
        const { message } = await registeredWhileFailing(() => new DomainTxtRecords("d", { records: [{ domain: "https://District.org/", value: undefined }] }));
        assert.strictEqual(message.split("\n")[1], '  - records[0].domain: "https://District.org/" must be a lower-case DNS name such as district.k12.us (no scheme, no trailing dot)');
    });

    it("refuses an unknown adapter, listing the available ones, and registers nothing", async () => {
        const { message, registered } = await registeredWhileFailing(() => new DomainTxtRecords("d", {
            adapter: "route53",
            records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }],
        }));
        assert.strictEqual(message, [
            'DomainTxtRecords "d" has 1 problem; nothing was created:',
            '  - adapter: unknown DNS adapter "route53"; available adapters: manual, cloudflare',
        ].join("\n"));
        assert.deepStrictEqual(registered, []);
    });
});
