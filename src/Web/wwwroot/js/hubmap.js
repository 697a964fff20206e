// The hub map (MapPage.razor) and the map of a hub's areas (HubAreasForm.razor). Leaflet and its cluster plugin are vendored under /vendor and loaded
// here, on first use, so no other page pays for them and nothing comes from another origin.

const vendored = (path) => new URL(`../vendor/${path}`, import.meta.url).href;
let loading = null;

function addScript(src) {
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`Could not load ${src}`));
        document.head.appendChild(script);
    });
}

function addStyle(href) {
    if (document.querySelector(`link[data-hubmap][href="${href}"]`)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.dataset.hubmap = "";
    document.head.appendChild(link);
}

function loadLeaflet() {
    if (!loading) {
        addStyle(vendored("leaflet/leaflet.css"));
        addStyle(vendored("leaflet.markercluster/MarkerCluster.css"));
        addStyle(vendored("leaflet.markercluster/MarkerCluster.Default.css"));
        // The plugin extends the global L, so it must run after Leaflet itself.
        loading = (window.L ? Promise.resolve() : addScript(vendored("leaflet/leaflet.js")))
            .then(() => (window.L.MarkerClusterGroup ? undefined : addScript(vendored("leaflet.markercluster/leaflet.markercluster.js"))))
            .catch((error) => { loading = null; throw error; });
    }
    return loading;
}

const rank = { Critical: 0, High: 1, Normal: 2, Low: 3 };

// A cluster takes the colour of its most urgent request, so a critical need never hides in a
// neutral bubble; its title lists what is inside for people who cannot tell the colours apart.
function clusterIcon(cluster) {
    const children = cluster.getAllChildMarkers();
    const worst = children.map((m) => m.options.hubmap).filter((d) => d.kind === "request")
        .sort((a, b) => rank[a.urgency] - rank[b.urgency])[0];
    const tone = worst ? worst.urgency : "volunteer";
    const labels = children.map((m) => m.options.hubmap.label);
    const title = labels.slice(0, 8).join("\n") + (labels.length > 8 ? `\n… (+${labels.length - 8})` : "");
    return L.divIcon({
        html: `<div title="${escape(title)}"><span>${children.length}</span></div>`,
        className: `marker-cluster ma-cluster ma-cluster-${tone}`,
        iconSize: L.point(40, 40),
    });
}

// Labels carry names and areas typed by people: never let them become markup.
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Requests are coloured by urgency; offers, volunteers and a hub's named areas each have a shape of their own.
const pinClass = (data) => (data.kind === "request" ? `ma-pin ma-pin-request ma-pin-${data.urgency}` : `ma-pin ma-pin-${data.kind}`);

function markerFor(data) {
    const icon = L.divIcon({
        className: pinClass(data),
        html: "",
        iconSize: data.kind === "request" ? [18, 18] : [14, 14],
    });
    const marker = L.marker([data.lat, data.lng], { icon, title: data.label, keyboard: true, hubmap: data });
    const text = document.createElement("span");
    text.textContent = data.label; // a tooltip given a string would treat it as HTML
    marker.bindTooltip(text);
    return marker;
}

const same = (a, b) => a.lat === b.lat && a.lng === b.lng && a.kind === b.kind && a.urgency === b.urgency && a.label === b.label;

export async function create(element, options) {
    await loadLeaflet();
    // An explicit maxZoom: without a tile layer to supply one, the cluster layer refuses to start.
    const map = L.map(element, { attributionControl: Boolean(options.tileUrl), zoomControl: true, minZoom: 2, maxZoom: 18 });
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.attribution || "", maxZoom: 18 }).addTo(map);
    } else {
        element.classList.add("ma-map-offline"); // no tiles: a plain background, the markers still draw
    }
    L.control.scale().addTo(map);
    const group = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 50 });
    // The cluster layer needs a view before it joins the map; the first update then fits to the markers.
    map.setView([20, 0], 2);
    group.addTo(map);
    return { map, group, element, markers: new Map(), fitted: false };
}

export function update(state, markers) {
    const seen = new Set();
    const adds = [];
    const removes = [];
    for (const data of markers) {
        seen.add(data.id);
        const existing = state.markers.get(data.id);
        if (existing && same(existing.options.hubmap, data)) continue;
        if (existing) removes.push(existing);
        const marker = markerFor(data);
        state.markers.set(data.id, marker);
        adds.push(marker);
    }
    for (const [id, marker] of state.markers) {
        if (!seen.has(id)) {
            removes.push(marker);
            state.markers.delete(id);
        }
    }
    state.group.removeLayers(removes);
    state.group.addLayers(adds);
    // Fit once: later updates must not yank the view away from where a coordinator is looking.
    if (!state.fitted && state.markers.size > 0) {
        state.map.fitBounds(state.group.getBounds(), { padding: [30, 30], maxZoom: 15 });
        state.fitted = true;
    }
    state.element.dataset.markerCount = String(state.group.getLayers().length);
    // What the layer holds, readable without pixels (the browser tests assert on it).
    state.element.dataset.markers = JSON.stringify([...state.markers.values()].map((m) => {
        const { id, kind, lat, lng } = m.options.hubmap;
        return { id, kind, lat, lng };
    }));
}

// The settings page: a click on the map proposes a point for a named area; the page gets its lat/lng.
export function pickPoints(state, receiver) {
    state.map.on("click", (e) => receiver.invokeMethodAsync("Picked", e.latlng.lat, e.latlng.lng));
}

export function dispose(state) {
    state.map.remove();
    state.markers.clear();
}
