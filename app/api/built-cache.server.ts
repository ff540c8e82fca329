/**
 * What the API built lately (pages of compiled data, open-data files), by the validator (ETag)
 * that names everything it is made from, the most recently used kept. Requests that ask for the
 * same thing at once share one build. In this process's memory: each instance builds its own.
 */
export class BuiltCache<T> {
	private readonly entries = new Map<string, Promise<T>>()

	constructor(private readonly capacity: number) {}

	get(key: string, build: () => Promise<T>): Promise<T> {
		let entry = this.entries.get(key)
		if (entry) {
			this.entries.delete(key)
		} else {
			entry = build()
			// A build that failed is not kept: the next request tries again.
			const built = entry
			built.catch(() => {
				if (this.entries.get(key) === built) this.entries.delete(key)
			})
		}
		this.entries.set(key, entry)
		while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
		return entry
	}
}
