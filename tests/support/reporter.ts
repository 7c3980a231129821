import * as Mocha from "mocha";

/**
 * Mocha's spec reporter plus one closing line in the plain form CI reads:
 * `mocha: N passed, N failed, N skipped`.
 */
class SpecWithSummary extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
            process.stdout.write(`mocha: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped\n`);
        });
    }
}

export = SpecWithSummary;
