// ESLint flat config: typescript-eslint's recommended rules on our sources. Formatting is
// prettier's job (.prettierrc.json), so no stylistic rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        // Generated, vendored and installed files are never linted.
        ignores: [
            "dist/**",
            "node_modules/**",
            "**/node_modules/**",
            "**/*.d.ts",
            ".emulator-data/**",
            "scratch/**",
            "coverage/**",
        ],
    },
    {
        // No `eslint-disable` comments: a rule that does not fit is changed here, for everyone, with a reason.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "error" },
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { ecmaVersion: 2023, sourceType: "module" },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            // Config values reach terminals and other people: the gate and the client match control
            // characters on purpose, to refuse or strip them.
            "no-control-regex": "off",
            // Code lines stay within prettier's 120; a message string or template is never broken up, so
            // that every text a user sees can be found with one search.
            "max-len": [
                "error",
                {
                    code: 120,
                    tabWidth: 4,
                    ignoreStrings: true,
                    ignoreTemplateLiterals: true,
                    ignoreRegExpLiterals: true,
                    ignoreUrls: true,
                },
            ],
        },
    },
    {
        // Optional peers (the Cloudflare adapter, DNS adapter modules) load only when a stack chooses
        // them, and the engine tests load the SDK's generated gRPC stubs: both need require().
        files: [
            "components/index.ts",
            "components/workspaceIdentity.ts",
            "components/dns/adapters/*.ts",
            "scripts/**/*.js",
            "tests/**/*.ts",
        ],
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        // Tests reach into untyped wire messages (gRPC, HTTP bodies); so does the recording mock engine.
        files: ["tests/**/*.ts", "offline/recordingEngine.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
        languageOptions: {
            globals: {
                require: "readonly",
                module: "writable",
                process: "readonly",
                console: "readonly",
                __dirname: "readonly",
            },
        },
    },
);
