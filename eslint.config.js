import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers, lowest first: forms (definitions, engine) → db → exports → app → server (the HTTP
 * server, command-line scripts, demo data). A layer imports only from the layers below it
 * (docs/architecture.md); tests may import anything.
 */
const LAYERS = {
	forms: ['app', 'db', 'exports', 'server', 'tests'],
	db: ['app', 'exports', 'server', 'tests'],
	exports: ['app', 'server', 'tests'],
	app: ['server', 'tests'],
}
const layerRules = Object.entries(LAYERS).map(([layer, above]) => ({
	files: [`${layer}/**/*.{ts,tsx}`],
	ignores: ['**/*.test.ts', '**/*.test.tsx'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						regex: `^#(${above.join('|')})/|(^|/)(${above.join('|')})/`,
						message: `${layer}/ imports only from the layers below it (docs/architecture.md).`,
					},
				],
			},
		],
	},
}))

export default tseslint.config(
	{
		ignores: [
			'node_modules',
			'build',
			'.react-router',
			'.data',
			'test-results',
			'playwright-report',
			'reports',
			'.tmp',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		plugins: { 'react-hooks': reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			'react-hooks/set-state-in-effect': 'off',
			'react-hooks/refs': 'off',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
					message: 'Focused tests skip the rest of the suite.',
				},
			],
		},
	},
	...layerRules,
	{
		// Functions stay short enough to read at once; tests, form data and migrations are lists.
		rules: {
			'max-lines-per-function': [
				'error',
				{ max: 120, skipBlankLines: true, skipComments: true, IIFEs: true },
			],
		},
	},
	{
		files: [
			'**/*.test.ts',
			'**/*.test.tsx',
			'tests/**',
			'forms/stockholm-art15/**',
			'forms/ddt/**',
			'forms/fixtures/**',
			'db/migrations/**',
		],
		rules: { 'max-lines-per-function': 'off' },
	},
	{
		// kysely's migration docs: migrations take Kysely<any> so they never depend on today's types.
		files: ['db/migrations/**', 'db/migrator.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
)
