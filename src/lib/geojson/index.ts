/** Export formats for atlas features; free of Node-only imports so the dashboard can use them in the browser. */
export { toGeoJSON, stringifyGeoJSON } from './to-geojson';
export { toCSV, toRoutesCSV, CSV_COLUMNS, ROUTE_CSV_COLUMNS } from './to-csv';
export { toKML } from './to-kml';
export * from './types';
export { EVENT_COLOURS, CARGO_COLOURS } from './style';
