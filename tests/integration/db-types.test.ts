/**
 * `db/types.ts` is written by hand, because its column types say more than the schema can (roles
 * and statuses as unions, jsonb as the value it holds, dates as strings). This test keeps it true
 * to the migrated schema instead of generating it: every table and column on both sides,
 * nullability, and no column left optional on insert that the database requires.
 */
import { resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../db.ts'

type DeclaredColumn = { nullable: boolean; optionalOnInsert: boolean }

function declaredTables(): Map<string, Map<string, DeclaredColumn>> {
	const file = resolve('db/types.ts')
	const config = ts.parseJsonConfigFileContent(
		ts.readConfigFile(resolve('tsconfig.json'), ts.sys.readFile).config,
		ts.sys,
		resolve('.'),
	)
	const program = ts.createProgram([file], { ...config.options, noEmit: true })
	const checker = program.getTypeChecker()
	const source = program.getSourceFile(file)!
	const database = source.statements.find(
		(s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
	)!
	const includes = (type: ts.Type, flag: ts.TypeFlags) =>
		type.isUnion() ? type.types.some((t) => (t.flags & flag) !== 0) : (type.flags & flag) !== 0
	/** kysely's `ColumnType<Select, Insert, Update>` carries its parts as phantom properties. */
	const part = (type: ts.Type, name: '__select__' | '__insert__', at: ts.Node) => {
		const symbol = type.getProperty(name)
		return symbol ? checker.getTypeOfSymbolAtLocation(symbol, at) : type
	}
	const tables = new Map<string, Map<string, DeclaredColumn>>()
	for (const member of database.members) {
		const tableType = checker.getTypeAtLocation(member)
		const columns = new Map<string, DeclaredColumn>()
		for (const column of tableType.getProperties()) {
			const type = checker.getTypeOfSymbolAtLocation(column, member)
			columns.set(column.name, {
				nullable: includes(part(type, '__select__', member), ts.TypeFlags.Null),
				optionalOnInsert: includes(part(type, '__insert__', member), ts.TypeFlags.Undefined),
			})
		}
		tables.set((member.name as ts.Identifier).text, columns)
	}
	return tables
}

let t: TestDatabase
beforeAll(async () => {
	t = await createTestDatabase()
})
afterAll(() => t.destroy())

describe('db/types.ts', () => {
	it('declares exactly the migrated tables and columns, with their nullability and required inserts', async () => {
		const declared = declaredTables()
		const actual = (await t.db.introspection.getTables()).filter(
			(table) => table.schema === 'public' && !table.name.startsWith('kysely_'),
		)
		expect([...declared.keys()].sort()).toEqual(actual.map((table) => table.name).sort())

		const mismatches: string[] = []
		for (const table of actual) {
			const columns = declared.get(table.name)!
			const names = table.columns.map((c) => c.name)
			for (const name of names)
				if (!columns.has(name)) mismatches.push(`${table.name}.${name}: not declared`)
			for (const name of columns.keys())
				if (!names.includes(name)) mismatches.push(`${table.name}.${name}: not in the schema`)
			for (const column of table.columns) {
				const declaredColumn = columns.get(column.name)
				if (!declaredColumn) continue
				const where = `${table.name}.${column.name}`
				if (declaredColumn.nullable !== column.isNullable)
					mismatches.push(`${where}: nullable ${column.isNullable} in the schema`)
				const required = !column.isNullable && !column.hasDefaultValue && !column.isAutoIncrementing
				if (required && declaredColumn.optionalOnInsert)
					mismatches.push(`${where}: required on insert but declared optional`)
			}
		}
		expect(mismatches).toEqual([])
	})
})
