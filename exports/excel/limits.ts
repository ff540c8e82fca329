/** Largest template upload accepted (a filled 6th-cycle template is about 0.3 MB). Client-safe. */
export const EXCEL_IMPORT_MAX_BYTES = 5 * 1024 * 1024
