/** File types the import accepts (the file picker's `accept`). */
export const ACCEPTED_FILES = '.csv,.tsv,.txt,.geojson,.json,.zip';
