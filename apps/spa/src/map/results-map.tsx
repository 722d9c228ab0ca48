import type { Item } from "@lba/core/schemas";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import L from "./leaflet-global";
import "leaflet.markercluster";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../api/client";
import { itemKey } from "../lib/item-identity";
import { CORSICA, graticule, MAINLAND } from "./france-outline";

interface ResultsMapProps {
  items: Item[];
  selectedKey: string | null;
  hoveredKey: string | null;
  centre: { lat: number; lon: number } | null;
  onSelect: (item: Item) => void;
  onSearchHere: (latitude: number, longitude: number) => void;
}

const FRANCE: L.LatLngTuple = [46.6, 2.4];
/** From this zoom on, every marker stands alone (docs/reference/v1.md#s11-5: clustering up to zoom 14). */
const UNCLUSTERED_ZOOM = 15;
const toLatLng = (points: ReadonlyArray<readonly [number, number]>) =>
  points.map(([lon, lat]) => [lat, lon] as L.LatLngTuple);

function icon(item: Item, state: "normal" | "hovered" | "selected"): L.DivIcon {
  const kind = item.ideaType === "formation" ? "training" : "job";
  const size = state === "selected" ? 30 : state === "hovered" ? 24 : 18;
  return L.divIcon({
    className: `map-pin map-pin--${kind} map-pin--${state}`,
    iconSize: [size, size],
    html: "",
  });
}

interface TileSettings {
  tileUrl: string | null;
  tileAttribution: string | null;
}

/** The server's tile server (MAP_TILE_URL, read from `health`), or the offline outline of France without one. */
function drawBase(map: L.Map, layer: L.LayerGroup, tiles: TileSettings | null) {
  layer.clearLayers();
  const offline = !tiles?.tileUrl;
  map.getContainer().classList.toggle("map--offline", offline);
  if (tiles?.tileUrl) {
    L.tileLayer(tiles.tileUrl, { maxZoom: 17, attribution: tiles.tileAttribution ?? "" }).addTo(layer);
    return;
  }
  const line = { color: "#b7c4e3", weight: 1, interactive: false };
  for (const segment of graticule()) L.polyline(segment, line).addTo(layer);
  const land = { color: "#6a6af4", weight: 1.5, fillColor: "#f5f5fe", fillOpacity: 1, interactive: false };
  L.polygon([toLatLng(MAINLAND), toLatLng(CORSICA)], land).addTo(layer);
}

/** Leaflet map of the results; lazy-loaded so that the initial page stays light. */
export default function ResultsMap({
  items,
  selectedKey,
  hoveredKey,
  centre,
  onSelect,
  onSearchHere,
}: ResultsMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const clusterRef = useRef<L.MarkerClusterGroup | null>(null);
  const baseRef = useRef<L.LayerGroup | null>(null);
  const health = useQuery({
    queryKey: ["health"],
    queryFn: api.health,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const tiles = health.data?.map ?? null;
  const markersRef = useRef(new Map<string, { marker: L.Marker; item: Item }>());
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!containerRef.current) return;
    const map = L.map(containerRef.current, { center: FRANCE, zoom: 5, minZoom: 3, maxZoom: 17 });
    map.attributionControl.setPrefix(false);
    const base = L.layerGroup().addTo(map);
    baseRef.current = base;
    drawBase(map, base, null);
    const cluster = L.markerClusterGroup({
      maxClusterRadius: 50,
      disableClusteringAtZoom: UNCLUSTERED_ZOOM,
      showCoverageOnHover: false,
      // Fading clusters are unreadable mid-animation, and motion is not needed to follow a zoom.
      animate: false,
    });
    cluster.addTo(map);
    mapRef.current = map;
    clusterRef.current = cluster;
    return () => {
      map.remove();
      mapRef.current = null;
      clusterRef.current = null;
      baseRef.current = null;
    };
  }, []);

  const tileUrl = tiles?.tileUrl ?? null;
  const tileAttribution = tiles?.tileAttribution ?? null;
  useEffect(() => {
    const map = mapRef.current;
    const base = baseRef.current;
    if (map && base) drawBase(map, base, { tileUrl, tileAttribution });
  }, [tileUrl, tileAttribution]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (centre) map.setView([centre.lat, centre.lon], 10);
    else map.setView(FRANCE, 5);
  }, [centre?.lat, centre?.lon]);

  // The list re-renders often with equal items: rebuilding the markers then would reset the map for nothing.
  const itemsSignature = items.map(itemKey).join("|");
  useEffect(() => {
    const cluster = clusterRef.current;
    if (!cluster) return;
    cluster.clearLayers();
    markersRef.current.clear();
    const markers: L.Marker[] = [];
    for (const item of items) {
      if (item.place.latitude === null || item.place.longitude === null) continue;
      const key = itemKey(item);
      if (markersRef.current.has(key)) continue;
      const label = `${item.title ?? item.company.name ?? "Résultat"}${item.company.name && item.title ? `, ${item.company.name}` : ""}`;
      const marker = L.marker([item.place.latitude, item.place.longitude], {
        icon: icon(item, "normal"),
        title: label,
        alt: label,
        keyboard: true,
      });
      marker.on("click", () => onSelectRef.current(item));
      marker.on("keypress", (event: L.LeafletKeyboardEvent) => {
        if (event.originalEvent.key === "Enter") onSelectRef.current(item);
      });
      markersRef.current.set(key, { marker, item });
      markers.push(marker);
    }
    cluster.addLayers(markers);
  }, [itemsSignature]);

  useEffect(() => {
    for (const [key, { marker, item }] of markersRef.current) {
      const state = key === selectedKey ? "selected" : key === hoveredKey ? "hovered" : "normal";
      marker.setIcon(icon(item, state));
      marker.setZIndexOffset(state === "normal" ? 0 : 1000);
    }
  }, [selectedKey, hoveredKey, itemsSignature]);

  useEffect(() => {
    const selected = selectedKey ? markersRef.current.get(selectedKey) : undefined;
    const cluster = clusterRef.current;
    const map = mapRef.current;
    if (!selected || !cluster || !map || !cluster.hasLayer(selected.marker)) return;
    // Not markercluster's zoomToShowLayer: it leaves a moveend listener behind that throws once its
    // marker has been replaced by a new search.
    const at = selected.marker.getLatLng();
    const shown = cluster.getVisibleParent(selected.marker) === selected.marker;
    if (!shown) map.setView(at, Math.max(map.getZoom(), UNCLUSTERED_ZOOM));
    else if (!map.getBounds().contains(at)) map.panTo(at);
  }, [selectedKey, itemsSignature]);

  return (
    <div className="map">
      <div
        ref={containerRef}
        className="map__canvas"
        role="region"
        aria-label="Carte des formations et entreprises ; les marqueurs sont accessibles au clavier"
      />
      <button
        type="button"
        className="btn btn--primary map__search-here"
        onClick={() => {
          const centreNow = mapRef.current?.getCenter();
          if (centreNow) onSearchHere(centreNow.lat, centreNow.lng);
        }}
      >
        Rechercher dans cette zone
      </button>
    </div>
  );
}
