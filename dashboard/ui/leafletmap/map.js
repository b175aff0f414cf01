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
  var current = null;      // the latest args

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
    return u.own ? { fillColor: u.fill, fillOpacity: 0.9, color: s.own_outline, weight: s.own_width }
                 : { fillColor: u.fill, fillOpacity: 0.9, color: s.outline, weight: 1.2 };
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
        lyr.bindTooltip(function () { return tipFor(code); }, { sticky: true, className: "peta-tip", direction: "auto" });
        lyr.on("mouseover", function () { lyr.setStyle({ weight: 3, color: "#000000" }); lyr.bringToFront(); });
        lyr.on("mouseout", function () { lyr.setStyle(styleFor(code)); });
        lyr.on("click", function () {
          clicks += 1;
          post("streamlit:setComponentValue", { value: { click: code, n: clicks }, dataType: "json" });
        });
      }
    }).addTo(map);
    layerGeo = geoId;
    var b = layer.getBounds();
    // keep the legend's width free on the left, so no unit is drawn under it
    var legendWidth = legend ? legend.getContainer().offsetWidth : 0;
    if (b.isValid()) map.fitBounds(b, { paddingTopLeft: [legendWidth + 16, 8], paddingBottomRight: [8, 8] });
  }

  function restyle() {
    layer.eachLayer(function (lyr) { lyr.setStyle(styleFor(lyr.feature.properties.code)); });
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
        post("streamlit:setComponentValue", { value: { need: args.geo_id, n: ++clicks }, dataType: "json" });
      }
      return;
    }
    if (!map) {
      map = L.map("map", { zoomControl: false, attributionControl: false, preferCanvas: false, zoomSnap: 0.25 });
      L.control.zoom({ zoomInTitle: args.zoom_in || "+", zoomOutTitle: args.zoom_out || "-" }).addTo(map);
      L.control.scale({ metric: true, imperial: false, position: "bottomright" }).addTo(map);
      if (args.tiles === "osm") {  // only when the operator turned tiles on (PETA_TILES=osm)
        map.attributionControl = L.control.attribution({ prefix: false }).addTo(map);
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    { maxZoom: 18, attribution: "\u00a9 OpenStreetMap" }).addTo(map);
      }
    }
    drawLegend();  // first: the fit below leaves room for it
    if (layerGeo !== args.geo_id) drawLayer(args.geo_id); else restyle();
    document.documentElement.lang = args.lang || "id";
  }

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });
  post("streamlit:componentReady", { apiVersion: 1 });
})();
