import { Inflate } from 'fflate'

/** Caps on an uploaded zip (an .xlsx is one), checked before any library unpacks it. */
export interface ZipLimits {
	maxEntries: number
	/** Sum of the entries' uncompressed sizes, in bytes. */
	maxTotalUncompressed: number
	maxEntryUncompressed: number
	/** Uncompressed / compressed size above which an entry larger than `ratioFloor` is refused. */
	maxRatio: number
	ratioFloor: number
}

/**
 * Generous for a report template (a filled 6th-cycle template is ~0.12 MB zipped, ~1 MB unzipped,
 * 60 entries, ratio < 20), small enough that exceljs never parses more than a few hundred MB.
 */
export const XLSX_LIMITS: ZipLimits = {
	maxEntries: 2_000,
	maxTotalUncompressed: 40 * 1024 * 1024,
	maxEntryUncompressed: 20 * 1024 * 1024,
	maxRatio: 200,
	ratioFloor: 1024 * 1024,
}

export interface ZipEntryInfo {
	name: string
	method: number
	compressedSize: number
	uncompressedSize: number
	localHeaderOffset: number
}

export type ZipInspection =
	| { ok: true; entries: ZipEntryInfo[] }
	| {
			ok: false
			reason: 'notZip' | 'zipBomb' | 'encrypted' | 'unsupported'
			detail: string
	  }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * Reads a zip's central directory by hand and checks it against the limits: entry count, declared
 * sizes and ratios, no encryption, no ZIP64, no overlapping entries (the "overlapping files" bomb),
 * then inflates every entry in bounded chunks to check that it really expands to its declared
 * size. Only a file that passes goes to exceljs.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): ZipInspection {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
	const eocd = findEndOfCentralDirectory(view)
	if (eocd < 0) return { ok: false, reason: 'notZip', detail: 'no end of central directory' }
	const diskEntries = view.getUint16(eocd + 8, true)
	const totalEntries = view.getUint16(eocd + 10, true)
	const directorySize = view.getUint32(eocd + 12, true)
	const directoryOffset = view.getUint32(eocd + 16, true)
	if (totalEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
		return { ok: false, reason: 'unsupported', detail: 'ZIP64' }
	}
	if (view.getUint16(eocd + 4, true) !== 0 || diskEntries !== totalEntries) {
		return { ok: false, reason: 'unsupported', detail: 'multi-disk archive' }
	}
	if (totalEntries > limits.maxEntries) {
		return { ok: false, reason: 'zipBomb', detail: `${totalEntries} entries` }
	}
	if (directoryOffset + directorySize > eocd) {
		return { ok: false, reason: 'notZip', detail: 'central directory out of range' }
	}

	const entries: ZipEntryInfo[] = []
	let offset = directoryOffset
	let total = 0
	for (let index = 0; index < totalEntries; index++) {
		if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL) {
			return { ok: false, reason: 'notZip', detail: 'bad central directory entry' }
		}
		const flags = view.getUint16(offset + 8, true)
		const method = view.getUint16(offset + 10, true)
		const compressedSize = view.getUint32(offset + 20, true)
		const uncompressedSize = view.getUint32(offset + 24, true)
		const nameLength = view.getUint16(offset + 28, true)
		const extraLength = view.getUint16(offset + 30, true)
		const commentLength = view.getUint16(offset + 32, true)
		const localHeaderOffset = view.getUint32(offset + 42, true)
		const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
		offset += 46 + nameLength + extraLength + commentLength
		if (flags & 0x1) return { ok: false, reason: 'encrypted', detail: name }
		if (method !== 0 && method !== 8) {
			return { ok: false, reason: 'unsupported', detail: `compression method ${method}` }
		}
		if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
			return { ok: false, reason: 'unsupported', detail: 'ZIP64' }
		}
		if (uncompressedSize > limits.maxEntryUncompressed) {
			return { ok: false, reason: 'zipBomb', detail: `${name}: ${uncompressedSize} bytes` }
		}
		if (
			uncompressedSize > limits.ratioFloor &&
			uncompressedSize / Math.max(compressedSize, 1) > limits.maxRatio
		) {
			return { ok: false, reason: 'zipBomb', detail: `${name}: ratio` }
		}
		total += uncompressedSize
		if (total > limits.maxTotalUncompressed) {
			return { ok: false, reason: 'zipBomb', detail: `${total} bytes in total` }
		}
		entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset })
	}

	// Each entry's data must lie before the next one's header: no shared (overlapping) data.
	const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
	for (let index = 0; index < byOffset.length; index++) {
		const entry = byOffset[index]!
		const start = dataStart(view, entry)
		if (start < 0) return { ok: false, reason: 'notZip', detail: `bad local header: ${entry.name}` }
		const end = start + entry.compressedSize
		const next = byOffset[index + 1]?.localHeaderOffset ?? directoryOffset
		if (end > next)
			return { ok: false, reason: 'zipBomb', detail: `overlapping entry: ${entry.name}` }
		const inflated = inflatedSize(bytes.subarray(start, end), entry)
		if (inflated === 'overflow') {
			return { ok: false, reason: 'zipBomb', detail: `${entry.name} expands beyond its size` }
		}
		if (inflated !== entry.uncompressedSize) {
			return { ok: false, reason: 'notZip', detail: `${entry.name}: corrupt data` }
		}
	}
	return { ok: true, entries }
}

function findEndOfCentralDirectory(view: DataView): number {
	const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
	for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
		if (view.getUint32(offset, true) === EOCD) return offset
	}
	return -1
}

function dataStart(view: DataView, entry: ZipEntryInfo): number {
	const offset = entry.localHeaderOffset
	if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL) return -1
	const nameLength = view.getUint16(offset + 26, true)
	const extraLength = view.getUint16(offset + 28, true)
	return offset + 30 + nameLength + extraLength
}

// Deflate expands at most ~1032:1, so a chunk never inflates past ~8 MB before the check runs.
const CHUNK = 8 * 1024

/** Bytes the entry really expands to, stopping as soon as it exceeds its declared size. */
function inflatedSize(data: Uint8Array, entry: ZipEntryInfo): number | 'overflow' | 'corrupt' {
	if (entry.method === 0) return data.length
	let size = 0
	let overflow = false
	const inflate = new Inflate((chunk) => {
		size += chunk.length
		if (size > entry.uncompressedSize) {
			overflow = true
			throw new Error('overflow')
		}
	})
	try {
		for (let offset = 0; offset < data.length; offset += CHUNK) {
			const end = Math.min(offset + CHUNK, data.length)
			inflate.push(data.subarray(offset, end), end === data.length)
		}
		if (data.length === 0) inflate.push(new Uint8Array(0), true)
	} catch {
		return overflow ? 'overflow' : 'corrupt'
	}
	return size
}
