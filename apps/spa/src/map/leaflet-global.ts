import L from "leaflet";

// leaflet.markercluster is a UMD script that extends the global `L`: expose it before that module runs.
(globalThis as unknown as { L: typeof L }).L = L;

export default L;
