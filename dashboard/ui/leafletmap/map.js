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
    if (legend) legend.remove();
    var spec = current.legend;
    legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      var box = el("div", "peta-legend");
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
      return box;
    };
    legend.addTo(map);
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
    var b = layer.getBounds();
    if (b.isValid()) map.fitBounds(b, legendRoom(b));
  }

  function sideFor(lyr, point) {
    var tip = lyr.getTooltip(), el = tip && tip.getElement();
    if (!tip) return;
    var w = el ? el.offsetWidth : 320, room = map.getSize().x;
    tip.options.direction = point.x + w + 24 <= room ? "right" : point.x - w - 24 >= 0 ? "left" : "auto";
  }

  function legendRoom(b) {
    // No unit is drawn under the legend (bottom left): keep its width free on the left, or its
    // height free at the bottom, whichever leaves the units the larger drawing. A narrow map
    // (the detail panel beside it, a laptop) keeps the bottom, a wide one the left.
    var size = map.getSize(), box = legend ? legend.getContainer() : null;
    var lw = box ? box.offsetWidth + 16 : 0, lh = box ? box.offsetHeight + 16 : 0;
    var ratio = (b.getEast() - b.getWest()) / Math.max(b.getNorth() - b.getSouth(), 1e-9);
    function scale(w, h) { return Math.min(w / ratio, h); }  // the drawing's height in each case
    var left = scale(size.x - lw - 8, size.y - 16), bottom = scale(size.x - 16, size.y - lh - 8);
    return left >= bottom ? { paddingTopLeft: [lw, 8], paddingBottomRight: [8, 8] }
                          : { paddingTopLeft: [8, 8], paddingBottomRight: [8, lh] };
  }

  function drawNames(geoId) {
    // Every unit's name at its inner point. A name that would cover another, the legend or the
    // zoom buttons, or run past the frame is left out (hover or click names it); the unit shown in
    // the panel is named first, then the reached ones, then the largest. Placed again after each
    // zoom, so zooming in names the smaller units too.
    if (names) names.remove();
    names = L.layerGroup();
    geometries[geoId].features.forEach(function (f) {
      if (!f.properties.name || !f.properties.pt) return;
      var label = el("span", "peta-name", f.properties.name), pt = f.properties.pt;
      var m = L.marker([pt[1], pt[0]], {
        icon: L.divIcon({ html: label, className: "peta-name-box", iconSize: null }),
        interactive: false, keyboard: false });
      m.code = f.properties.code;
      m.rank = f.properties.rank;
      names.addLayer(m);
    });
    names.addTo(map);
    declutter();
  }

  function priority(m) {
    var u = current.units[m.code];
    return [m.code === current.focus ? 0 : 1, u && u.fill !== current.style.none_fill ? 0 : 1, m.rank];
  }

  function declutter() {
    if (!names) return;
    var size = map.getSize(), taken = [], frame = map.getContainer().getBoundingClientRect();
    document.querySelectorAll(".peta-legend, .leaflet-control-zoom, .leaflet-control-scale").forEach(function (c) {
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
    // as tall as asked, but not past the bottom of the window (the legend stays in sight)
    var h = wanted;
    try {
      var top = window.frameElement.getBoundingClientRect().top;
      var room = window.parent.innerHeight - Math.max(top, 0) - 12;
      h = Math.max(360, Math.min(wanted, room));
    } catch (e) { /* another origin: keep the asked height */ }
    document.getElementById("map").style.height = h + "px";
    post("streamlit:setFrameHeight", { height: h });
    if (map) map.invalidateSize();
  }

  function render(args) {
    current = args;
    if (args.geometry) geometries[args.geo_id] = args.geometry;
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
      L.control.zoom({ zoomInTitle: args.zoom_in || "+", zoomOutTitle: args.zoom_out || "-" }).addTo(map);
      L.control.scale({ metric: true, imperial: false, position: "bottomright" }).addTo(map);
      map.on("zoomend moveend resize", declutter);
      if (args.tiles === "osm") {  // only when the operator turned tiles on (PETA_TILES=osm)
        map.attributionControl = L.control.attribution({ prefix: false }).addTo(map);
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    { maxZoom: 18, attribution: "\u00a9 OpenStreetMap" }).addTo(map);
      }
    }
    drawLegend();  // first: the fit below leaves room for it
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
