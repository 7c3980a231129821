import * as assert from "assert";
import { DomainTxtRecords, DOMAIN_TXT_RECORDS_TYPE } from "../../../components/dns";
import { record } from "../../support/engine";

describe("DomainTxtRecords", () => {
    it("uses the type token chatgpt-identity:dns:DomainTxtRecords", () => {
        assert.strictEqual(DOMAIN_TXT_RECORDS_TYPE, "chatgpt-identity:dns:DomainTxtRecords");
    });

    it("publishes through the adapter the validated dns section names (the gate checked its settings)", async () => {
        const { engine } = await record(
            () =>
                new DomainTxtRecords("d", {
                    dns: { adapter: "manual" },
                    records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }],
                }),
        );
        assert.deepStrictEqual(
            engine.resources.map((r) => `${r.type} ${r.name}`),
            [`${DOMAIN_TXT_RECORDS_TYPE} d`],
        );
    });
});
