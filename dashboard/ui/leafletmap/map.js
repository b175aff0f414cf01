// The Peta page's map: a Streamlit component (protocol v1, no build step).
// Python sends a view's geometry once per browser frame (it is kept here, by id); a change of
// election or date sends only each unit's colour, outline and tooltip rows. Every text is set
// with textContent: nothing from the records is read as HTML.
(function () {
  "use strict";
  var post = function (type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  };
  var geometries = {};     // geo_id -> FeatureCollection
  var map = null, layer = null, layerGeo = null, legend = null, asked = null, clicks = 0;
  var names = null;        // the units' names written on the map (a layer of text markers)
  var groupsShown = false, fitZoom = null;  // a view with groups (Indonesia) and its fitted zoom
  var current = null;      // the latest args
  // Python acts on each gesture once, by its number: numbers are unique across frames (a frame
  // made again after the page was left starts counting anew, and its "1" is not the old "1")
  var frameId = Math.random().toString(36).slice(2);
  function nextN() { clicks += 1; return frameId + "-" + clicks; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function tipFor(code) {
    var u = current.units[code];
    var box = el("div");
    if (!u) { box.appendChild(el("div", "row first", code)); return box; }
    u.tip.forEach(function (row, i) {
      var line = el("div", i === 0 ? "row first" : "row");
      if (i === 0) { line.textContent = String(row[1]); }
      else { line.appendChild(el("span", "head", row[0] + ":")); line.appendChild(document.createTextNode(String(row[1]))); }
      box.appendChild(line);
    });
    return box;
  }

  function styleFor(code) {
    var u = current.units[code], s = current.style;
    if (!u) return { fillColor: "#ffffff", fillOpacity: 0.4, color: s.outline, weight: 1 };
    // the unit whose details the panel shows: a dark outline, drawn over its neighbours
    if (code === current.focus) return { fillColor: u.fill, fillOpacity: 0.9, color: s.focus_outline, weight: s.focus_width };
    return u.own ? { fillColor: u.fill, fillOpacity: 0.9, color: s.own_outline, weight: s.own_width }
                 : { fillColor: u.fill, fillOpacity: 0.9, color: s.outline, weight: 1.2 };
  }

  function send(what, code) {
    var value = { n: nextN() };
    value[what] = code;
    post("streamlit:setComponentValue", { value: value, dataType: "json" });
  }

  function drawLegend() {
    // under the map, in the frame's own row (it was once a box in the map's corner, over units)
    var box = document.getElementById("legend"), spec = current.legend;
    box.textContent = "";
    box.className = "peta-legend";
    box.appendChild(el("div", "title", spec.title));
    spec.items.forEach(function (it) {
      var row = el("div"), sw = el("span", "sw");
      sw.style.background = it[1];
      row.appendChild(sw); row.appendChild(document.createTextNode(String(it[0])));
      box.appendChild(row);
    });
    if (spec.own) {
      var row = el("div"), sw = el("span", "sw");
      sw.style.background = "#ffffff"; sw.style.border = "3px solid " + current.style.own_outline;
      row.appendChild(sw); row.appendChild(document.createTextNode(String(spec.own)));
      box.appendChild(row);
    }
    legend = box;
  }

  function drawLayer(geoId) {
    if (layer) layer.remove();
    layer = L.geoJSON(geometries[geoId], {
      style: function (f) { return styleFor(f.properties.code); },
      onEachFeature: function (f, lyr) {
        var code = f.properties.code;
        // registered before the tooltip's own handler: the side is chosen before it moves, so a
        // tooltip never runs past the frame's edge (Leaflet's "auto" only looks at the centre)
        lyr.on("mousemove", function (e) { sideFor(lyr, e.containerPoint); });
        // the unit's code on its shape: what the browser tests (and the page's tools) find it by
        lyr.on("add", function () { var p = lyr.getElement(); if (p) p.setAttribute("data-code", code); });
        lyr.bindTooltip(function () { return tipFor(code); }, { sticky: true, className: "peta-tip", direction: "auto" });
        lyr.on("mouseover", function () { lyr.setStyle({ weight: 3, color: "#000000" }); lyr.bringToFront(); });
        lyr.on("mouseout", function () { lyr.setStyle(styleFor(code)); raiseFocus(); });
        // a click shows the unit's details beside the map; a double click opens the unit's own map
        lyr.on("click", function () { send("click", code); });
        lyr.on("dblclick", function (e) { L.DomEvent.stop(e); send("open", code); });
      }
    }).addTo(map);
    layerGeo = geoId;
    var v = geometries[geoId].view, b = v && v.length === 4 ? L.latLngBounds([v[1], v[0]], [v[3], v[2]])
                                                              : layer.getBounds();
    if (b.isValid()) { map.fitBounds(b, { padding: [8, 8] }); fitZoom = map.getZoom(); }
  }

  function sideFor(lyr, point) {
    // the tooltip is at most half the frame wide, and goes to the side with more room: so it is
    // never cut at the frame's edge, however narrow the map (a 1366-px laptop with the panel beside)
    var tip = lyr.getTooltip();
    if (!tip) return;
    var room = map.getSize().x, widest = tipWidth();
    tip.options.direction = point.x + widest + 24 <= room ? "right" : point.x - widest - 24 >= 0 ? "left"
                          : point.x <= room / 2 ? "right" : "left";
  }

  function tipWidth() {  // at most half the map wide (CSS reads it), so one side always has room
    var w = Math.floor(Math.max(160, Math.min(420, map.getSize().x / 2 - 30)));
    document.documentElement.style.setProperty("--tip-max", w + "px");
    return w;
  }

  function drawNames(geoId) {
    // Every unit's name at its inner point. A name that would cover another or the zoom buttons,
    // or run past the frame, is left out (hover or click names it); the unit shown in the panel is
    // named first, then the reached ones, then the largest. Placed again after each zoom, so
    // zooming in names the smaller units too. Where the view has groups (all of Indonesia: its
    // provinces), their names are written instead until one zooms in.
    if (names) names.remove();
    names = L.layerGroup();
    var geo = geometries[geoId];
    function add(item, cls, group) {
      var label = el("span", cls, item.name), pt = item.pt;
      var m = L.marker([pt[1], pt[0]], {
        icon: L.divIcon({ html: label, className: "peta-name-box", iconSize: null }),
        interactive: false, keyboard: false });
      m.code = item.code; m.rank = item.rank || 0; m.group = group;
      names.addLayer(m);
    }
    geo.features.forEach(function (f) {
      if (f.properties.name && f.properties.pt) add(f.properties, "peta-name", false);
    });
    (geo.groups || []).forEach(function (g, i) { g.rank = i; add(g, "peta-name group", true); });
    groupsShown = !!(geo.groups && geo.groups.length);
    names.addTo(map);
    declutter();
  }

  function priority(m) {
    var u = current.units[m.code];
    return [m.code === current.focus ? 0 : 1, u && u.fill !== current.style.none_fill ? 0 : 1, m.rank];
  }

  function groupZoom() {  // the provinces are named until the view is two steps closer than the fit
    return groupsShown && fitZoom !== null && map.getZoom() < fitZoom + 2;
  }

  function declutter() {
    if (!names) return;
    var size = map.getSize(), taken = [], frame = map.getContainer().getBoundingClientRect();
    var groups = groupZoom();
    document.querySelectorAll(".leaflet-control-zoom, .leaflet-control-scale").forEach(function (c) {
      var r = c.getBoundingClientRect();
      taken.push([r.left - frame.left, r.top - frame.top, r.right - frame.left, r.bottom - frame.top]);
    });
    var order = names.getLayers().map(function (m) { return [priority(m), m]; });
    order.sort(function (a, b) {
      for (var i = 0; i < 3; i++) if (a[0][i] !== b[0][i]) return a[0][i] - b[0][i];
      return 0;
    });
    order.forEach(function (pair) {
      var m = pair[1], box = m.getElement();
      if (!box) return;
      box.style.visibility = "hidden";
      if (m.group !== groups) return;  // provinces at the national zoom, units closer in
      var p = map.latLngToContainerPoint(m.getLatLng()), w = box.firstChild.offsetWidth, h = box.firstChild.offsetHeight;
      var r = [p.x - w / 2 - 2, p.y - h / 2 - 1, p.x + w / 2 + 2, p.y + h / 2 + 1];
      if (r[0] < 0 || r[1] < 0 || r[2] > size.x || r[3] > size.y) return;
      for (var i = 0; i < taken.length; i++) {
        var b = taken[i];
        if (r[0] < b[2] && b[0] < r[2] && r[1] < b[3] && b[1] < r[3]) return;
      }
      taken.push(r);
      box.style.visibility = "visible";
    });
  }

  function restyle() {
    layer.eachLayer(function (lyr) { lyr.setStyle(styleFor(lyr.feature.properties.code)); });
    raiseFocus();
  }

  function raiseFocus() {  // the focused unit's outline stays whole, over its neighbours'
    layer.eachLayer(function (lyr) { if (lyr.feature.properties.code === current.focus) lyr.bringToFront(); });
  }

  function fitHeight(wanted) {
    // the map as tall as asked, with the key under it, but not past the bottom of the window
    var key = legend ? legend.offsetHeight : 0, h = wanted;
    try {
      var top = window.frameElement.getBoundingClientRect().top;
      var room = window.parent.innerHeight - Math.max(top, 0) - 12 - key;
      h = Math.max(320, Math.min(wanted, room));
    } catch (e) { /* another origin: keep the asked height */ }
    document.getElementById("map").style.height = h + "px";
    post("streamlit:setFrameHeight", { height: h + key });
    if (map) { map.invalidateSize(); tipWidth(); }
  }

  function render(args) {
    current = args;
    if (args.geometry) geometries[args.geo_id] = args.geometry;
    drawLegend();  // first: the frame's height is the map's and the key's
    fitHeight(args.height || 620);
    if (!geometries[args.geo_id]) {
      // this frame is new (the page was left and opened again): ask Python for the geometry
      if (asked !== args.geo_id) {
        asked = args.geo_id;
        post("streamlit:setComponentValue", { value: { need: args.geo_id, n: nextN() }, dataType: "json" });
      }
      return;
    }
    if (!map) {
      // no zoom on double click: a double click opens the unit (the +/- buttons and the wheel zoom)
      map = L.map("map", { zoomControl: false, attributionControl: false, preferCanvas: false, zoomSnap: 0.25,
                           doubleClickZoom: false });
      tipWidth();
      L.control.zoom({ zoomInTitle: args.zoom_in || "+", zoomOutTitle: args.zoom_out || "-" }).addTo(map);
      L.control.scale({ metric: true, imperial: false, position: "bottomright" }).addTo(map);
      map.on("zoomend moveend resize", declutter);
      if (args.tiles === "osm") {  // only when the operator turned tiles on (PETA_TILES=osm)
        map.attributionControl = L.control.attribution({ prefix: false }).addTo(map);
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    { maxZoom: 18, attribution: "\u00a9 OpenStreetMap" }).addTo(map);
      }
    }
    if (layerGeo !== args.geo_id) { drawLayer(args.geo_id); drawNames(args.geo_id); }
    restyle();
    declutter();  // the unit in the panel and the reached ones are named first: both may have changed
    document.documentElement.lang = args.lang || "id";
  }

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });
  post("streamlit:componentReady", { apiVersion: 1 });
})();
