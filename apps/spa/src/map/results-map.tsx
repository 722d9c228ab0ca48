import type { Item } from "@lba/core/schemas";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import L from "./leaflet-global";
import "leaflet.markercluster";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../api/client";
import { itemKey } from "../lib/item-identity";
import departementsUrl from "./departements.json?url";
import { CORSICA, graticule, MAINLAND } from "./france-outline";
import { pointsToFit } from "./view-points";

interface ResultsMapProps {
  items: Item[];
  selectedKey: string | null;
  hoveredKey: string | null;
  centre: { lat: number; lon: number } | null;
  /** The search radius in km, drawn as a circle around the centre; null when France-wide. */
  radiusKm: number | null;
  /** What the map can show (the page's scope and filter): the legend names only these. */
  shows: { trainings: boolean; jobs: boolean };
  onSelect: (item: Item) => void;
  /** Re-runs the search at the map's centre; null before any search (there is no métier to search for). */
  onSearchHere: ((latitude: number, longitude: number) => void) | null;
}

const FRANCE: L.LatLngTuple = [46.6, 2.4];
/** From this zoom on, every marker stands alone (docs/reference/v1.md#s11-5: clustering up to zoom 14). */
const UNCLUSTERED_ZOOM = 15;
const toLatLng = (points: ReadonlyArray<readonly [number, number]>) =>
  points.map(([lon, lat]) => [lat, lon] as L.LatLngTuple);

type Kind = "training" | "job";
const kindOf = (item: Item): Kind => (item.ideaType === "formation" ? "training" : "job");

function icon(item: Item, state: "normal" | "hovered" | "selected"): L.DivIcon {
  const kind = kindOf(item);
  const size = state === "selected" ? 30 : state === "hovered" ? 24 : 18;
  return L.divIcon({
    className: `map-pin map-pin--${kind} map-pin--${state}`,
    iconSize: [size, size],
    html: "",
  });
}

/** Markers carry their kind, for the colour of the clusters that hold them. */
type KindMarker = L.Marker & { kind?: Kind };

/** A cluster coloured by what it holds: trainings, companies and offers, or both. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const markers = cluster.getAllChildMarkers() as KindMarker[];
  const trainings = markers.filter((m) => m.kind === "training").length;
  const kind = trainings === markers.length ? "training" : trainings === 0 ? "job" : "mixed";
  return L.divIcon({
    className: `marker-cluster marker-cluster--${kind}`,
    iconSize: [40, 40],
    html: `<div><span>${markers.length}</span></div>`,
  });
}

interface Departement {
  code: string;
  nom: string;
  rings: Array<Array<[number, number]>>;
}

let departements: Promise<Departement[]> | null = null;
/** IGN Admin Express outlines, simplified (scripts/vendor-departements.mjs): an asset of its own, fetched once. */
function loadDepartements(): Promise<Departement[]> {
  departements ??= fetch(departementsUrl).then((res) => {
    if (!res.ok) throw new Error(`départements: ${res.status}`);
    return res.json() as Promise<Departement[]>;
  });
  return departements;
}

interface TileSettings {
  tileUrl: string | null;
  tileAttribution: string | null;
}

/**
 * The pane of the offline outline of France, between the tiles (200) and the search's circle (overlay pane, 400):
 * drawn in the overlay pane, the départements, which load after the search is drawn, covered its circle.
 */
const BASE_PANE = "lba-base";

/** The server's tile server (MAP_TILE_URL, read from `health`), or the offline outline of France without one. */
function drawBase(map: L.Map, layer: L.LayerGroup, tiles: TileSettings | null) {
  layer.clearLayers();
  const offline = !tiles?.tileUrl;
  map.getContainer().classList.toggle("map--offline", offline);
  if (tiles?.tileUrl) {
    L.tileLayer(tiles.tileUrl, { maxZoom: 17, attribution: tiles.tileAttribution ?? "" }).addTo(layer);
    return;
  }
  const line = { color: "#b7c4e3", weight: 1, interactive: false, pane: BASE_PANE };
  for (const segment of graticule()) L.polyline(segment, line).addTo(layer);
  const land = {
    color: "#6a6af4",
    weight: 1.5,
    fillColor: "#f5f5fe",
    fillOpacity: 1,
    interactive: false,
    pane: BASE_PANE,
  };
  // The hand-drawn outline until the départements (mainland, Corsica and the DROM) are loaded.
  const sketch = L.polygon([toLatLng(MAINLAND), toLatLng(CORSICA)], land).addTo(layer);
  void loadDepartements()
    .then((list) => {
      // Tiles came meanwhile, or the base was drawn again: this sketch is gone, nothing to replace.
      if (!layer.hasLayer(sketch)) return;
      const rings = list.flatMap((d) => d.rings.map(toLatLng));
      layer.removeLayer(sketch);
      // The sketch's look, with the thinner lines of the many département borders.
      // Licence Ouverte 2.0 asks for the source (docs/data-sources.md): shown while the outlines are drawn.
      L.polygon(rings, {
        ...land,
        weight: 1,
        className: "map-departements",
        attribution: "Contours : IGN Admin Express",
      }).addTo(layer);
    })
    .catch(() => undefined);
}

/** Leaflet controls and markers out of the tab order: the map is one tab stop, the list reaches the items. */
function untabbable(layer: L.Layer) {
  const element = (layer as L.Marker).getElement?.();
  if (element) element.tabIndex = -1;
}

/** Leaflet map of the results; lazy-loaded so that the initial page stays light. */
export default function ResultsMap({
  items,
  selectedKey,
  hoveredKey,
  centre,
  radiusKm,
  shows,
  onSelect,
  onSearchHere,
}: ResultsMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const clusterRef = useRef<L.MarkerClusterGroup | null>(null);
  /** The selected marker when it is drawn apart from its cluster (offline map). */
  const apartRef = useRef<L.LayerGroup | null>(null);
  const baseRef = useRef<L.LayerGroup | null>(null);
  const searchRef = useRef<L.LayerGroup | null>(null);
  /** Set when the results or the search changed while the map was hidden (0×0): fitted once it shows. */
  const needsFit = useRef(true);
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
    map.createPane(BASE_PANE).style.zIndex = "300";
    const base = L.layerGroup().addTo(map);
    baseRef.current = base;
    drawBase(map, base, null);
    map.on("layeradd", (event) => untabbable(event.layer));
    for (const control of containerRef.current.querySelectorAll<HTMLElement>(".leaflet-control a"))
      control.tabIndex = -1;
    searchRef.current = L.layerGroup().addTo(map);
    const cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon,
      maxClusterRadius: 50,
      disableClusteringAtZoom: UNCLUSTERED_ZOOM,
      showCoverageOnHover: false,
      // Fading clusters are unreadable mid-animation, and motion is not needed to follow a zoom.
      animate: false,
    });
    cluster.addTo(map);
    apartRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    clusterRef.current = cluster;
    return () => {
      map.remove();
      mapRef.current = null;
      clusterRef.current = null;
      apartRef.current = null;
      baseRef.current = null;
      searchRef.current = null;
    };
  }, []);

  /** Shows every result and the search area; deferred while the map is hidden (it has no size then). */
  const fit = () => {
    const map = mapRef.current;
    const cluster = clusterRef.current;
    const container = containerRef.current;
    if (!map || !cluster || !container) return;
    if (container.clientWidth === 0 || container.clientHeight === 0) {
      needsFit.current = true;
      return;
    }
    needsFit.current = false;
    map.invalidateSize();
    const points = [...markersRef.current.values()].map(({ marker }) => marker.getLatLng());
    const bounds = L.latLngBounds(pointsToFit(points, centre === null));
    for (const layer of searchRef.current?.getLayers() ?? [])
      if (layer instanceof L.Circle) bounds.extend(layer.getBounds());
      else if (layer instanceof L.Marker) bounds.extend(layer.getLatLng());
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    else if (centre) map.setView([centre.lat, centre.lon], 10);
    else map.setView(FRANCE, 5);
  };
  const fitRef = useRef(fit);
  fitRef.current = fit;

  // Shown or resized (the mobile "Afficher la carte", a rotation): Leaflet measures again, and fits if it must.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (container.clientWidth === 0 || container.clientHeight === 0) return;
      mapRef.current?.invalidateSize();
      if (needsFit.current) fitRef.current();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  const tileUrl = tiles?.tileUrl ?? null;
  const tileAttribution = tiles?.tileAttribution ?? null;
  useEffect(() => {
    const map = mapRef.current;
    const base = baseRef.current;
    if (map && base) drawBase(map, base, { tileUrl, tileAttribution });
  }, [tileUrl, tileAttribution]);

  // The search point and, unless France-wide, the radius circle.
  useEffect(() => {
    const search = searchRef.current;
    if (!search) return;
    search.clearLayers();
    if (centre) {
      const at: L.LatLngTuple = [centre.lat, centre.lon];
      if (radiusKm !== null)
        L.circle(at, {
          radius: radiusKm * 1000,
          color: "#000091",
          weight: 1.5,
          dashArray: "6 6",
          fill: false,
          interactive: false,
        }).addTo(search);
      L.marker(at, {
        icon: L.divIcon({ className: "map-search-point", iconSize: [16, 16], html: "" }),
        interactive: false,
        keyboard: false,
        // Under the results: on top, it hid the count of the cluster at the centre.
        zIndexOffset: -1000,
      }).addTo(search);
    }
    fitRef.current();
  }, [centre?.lat, centre?.lon, radiusKm]);

  // The list re-renders often with equal items: rebuilding the markers then would reset the map for nothing.
  const itemsSignature = items.map(itemKey).join("|");
  useEffect(() => {
    const cluster = clusterRef.current;
    if (!cluster) return;
    cluster.clearLayers();
    apartRef.current?.clearLayers();
    markersRef.current.clear();
    const markers: L.Marker[] = [];
    for (const item of items) {
      if (item.place.latitude === null || item.place.longitude === null) continue;
      const key = itemKey(item);
      if (markersRef.current.has(key)) continue;
      // A company's title is its name: said once.
      const label = `${item.title ?? item.company.name ?? "Résultat"}${item.company.name && item.title && item.company.name !== item.title ? `, ${item.company.name}` : ""}`;
      // Not keyboard-reachable: every result is in the list; the map is one tab stop.
      const marker: KindMarker = L.marker([item.place.latitude, item.place.longitude], {
        icon: icon(item, "normal"),
        title: label,
        alt: label,
        keyboard: false,
      });
      marker.kind = kindOf(item);
      marker.on("click", () => onSelectRef.current(item));
      markersRef.current.set(key, { marker, item });
      markers.push(marker);
    }
    cluster.addLayers(markers);
    fitRef.current();
  }, [itemsSignature]);

  useEffect(() => {
    for (const [key, { marker, item }] of markersRef.current) {
      const state = key === selectedKey ? "selected" : key === hoveredKey ? "hovered" : "normal";
      marker.setIcon(icon(item, state));
      marker.setZIndexOffset(state === "normal" ? 0 : 1000);
    }
  }, [selectedKey, hoveredKey, itemsSignature]);

  const offline = tileUrl === null;
  useEffect(() => {
    const selected = selectedKey ? markersRef.current.get(selectedKey) : undefined;
    const cluster = clusterRef.current;
    const apart = apartRef.current;
    const map = mapRef.current;
    if (!cluster || !apart || !map) return;
    // The previous selection goes back into its cluster.
    for (const layer of apart.getLayers()) {
      apart.removeLayer(layer);
      cluster.addLayer(layer);
    }
    if (!selected || !cluster.hasLayer(selected.marker)) return;
    const at = selected.marker.getLatLng();
    if (offline) {
      // Without tiles, zooming in far enough to unstack the marker leaves a blank canvas (no outline, no search
      // circle in view): the selected item leaves its cluster instead, drawn apart, and the view keeps its context.
      cluster.removeLayer(selected.marker);
      apart.addLayer(selected.marker);
      if (!map.getBounds().contains(at)) map.panTo(at);
      return;
    }
    // Not markercluster's zoomToShowLayer: it leaves a moveend listener behind that throws once its
    // marker has been replaced by a new search.
    const shown = cluster.getVisibleParent(selected.marker) === selected.marker;
    if (!shown) map.setView(at, Math.max(map.getZoom(), UNCLUSTERED_ZOOM));
    else if (!map.getBounds().contains(at)) map.panTo(at);
  }, [selectedKey, itemsSignature, offline]);

  return (
    <div className="map">
      <div
        ref={containerRef}
        className="map__canvas"
        role="region"
        aria-label="Carte des formations et entreprises ; les résultats sont aussi dans la liste"
      />
      <ul className="map__legend" aria-label="Légende de la carte">
        {shows.trainings && (
          <li>
            <span className="map-pin map-pin--training map__legend-mark" aria-hidden="true" /> Formations
          </li>
        )}
        {shows.jobs && (
          <li>
            <span className="map-pin map-pin--job map__legend-mark" aria-hidden="true" /> Entreprises et
            offres
          </li>
        )}
        {centre && (
          <li>
            <span className="map-search-point map__legend-mark" aria-hidden="true" /> Lieu recherché
            {radiusKm !== null ? ` et rayon de ${radiusKm} km` : ""}
          </li>
        )}
      </ul>
      {onSearchHere && (
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
      )}
    </div>
  );
}
