import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
	{
		ignores: [
			"build/",
			"tests/bench/reference/build/",
			"app/generated/",
			"tests/.tmp/",
			"test-results/",
			"playwright-report/",
			"bench-results/",
			"content/",
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ["**/*.{ts,tsx,js}"],
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		plugins: { "react-hooks": reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			"@typescript-eslint/no-unused-vars": [
				"error",
				{ argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
			],
			"@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
		},
	},
	{
		files: ["**/*.test.ts", "tests/**/*.ts"],
		rules: { "@typescript-eslint/no-explicit-any": "off" },
	},
	{
		// Playwright's fixtures call `use`, which is not React's.
		files: ["tests/e2e/**/*.ts"],
		rules: { "react-hooks/rules-of-hooks": "off" },
	},
);
