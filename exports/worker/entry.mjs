// Worker thread entry: lets the worker load the TypeScript sources (the server runs them with tsx).
import { register } from 'tsx/esm/api'

register()
await import('./export-worker.ts')
