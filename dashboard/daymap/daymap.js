/* The dashboard's map as a Streamlit component (plain JS, no build step).
 *
 * The base map (folium's page pieces: inline Leaflet, header, html, script, and the
 * name of the zone store the script defines) arrives once, when the server learns
 * that this frame does not hold it. The Leaflet map and one layer with every zone
 * are then created once and kept. Every rerun after that sends only the day's
 * styles (a class per zone: style, status text); the zones are restyled in place,
 * so nothing is re-created or re-projected and zoom and pan stay. A click on a zone
 * is sent back as the component's value.
 *
 * Messages follow Streamlit's component protocol (streamlit-component-lib, v1).
 */
(function () {
  "use strict";

  var shown = {base: null, day: null, height: null};
  var loading = null;     // the base key being loaded
  var latest = null;      // the last render's arguments
  var clicks = 0;
  var lastClick = null;
  var asked = null;       // the base key this frame asked for

  function send(type, data) {
    var message = {isStreamlitMessage: true, type: type};
    for (var k in data) { message[k] = data[k]; }
    window.parent.postMessage(message, "*");
  }

  function report() {
    send("streamlit:setComponentValue",
         {value: {base: shown.base, lockdown: lastClick, clicks: clicks}, dataType: "json"});
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load a map asset")); };
      document.head.appendChild(script);
    });
  }

  function loadBase(key, base) {
    loading = key;
    var chain = Promise.resolve();
    base.js_links.forEach(function (src) { chain = chain.then(function () { return loadScript(src); }); });
    return chain.then(function () {
      base.css_links.forEach(function (href) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
      });
      document.head.insertAdjacentHTML("beforeend", base.header);
      var holder = document.createElement("div");
      holder.innerHTML = base.html;
      document.body.appendChild(holder);
      // The base script is folium's, with the map named map_div; as a <script> its
      // vars (the map, the zone store) are globals the day's layer refers to.
      var script = document.createElement("script");
      script.text = base.script + "\nwindow.map = map_div;\n";
      document.body.appendChild(script);
      shown.base = key;
      loading = null;
    });
  }

  var zones = null;        // one L.geoJson over every row of the store
  var day = null;          // the day's styles: {classes: [...], row: [class index]}

  function classOf(i) { return day.classes[day.row[i]]; }

  function buildZones(S, slot) {
    var features = S.l.map(function (lockdown, i) {
      return {type: "Feature", geometry: S.g[S.k[i]], properties: {i: i, lockdown: lockdown}};
    });
    zones = L.geoJson({type: "FeatureCollection", features: features}, {
      style: function (feature) { return classOf(feature.properties.i).style; }
    });
    // A zone's popup is its whole history: each lockdown's status slot (by its row) is
    // filled with that row's status on the day.
    var rowSlot = /<span class='lm-status-slot' data-row='(\d+)'><\/span>/g;
    function now(j) {
      var c = classOf(j);
      return "<span class='lm-now lm-now-" + c.key + "'>" + c.status + "</span>";
    }
    // A fragment, or (negative) the section of another row's lockdown, stored once.
    function piece(j) {
      if (j >= 0) { return S.h[j]; }
      return S.q[-j - 1].map(function (k) { return S.h[k]; }).join("");
    }
    zones.bindPopup(function (layer) {
      var i = layer.feature.properties.i;
      return S.r[i].map(piece).join("")
        .split(slot).join(classOf(i).status)
        .replace(rowSlot, function (all, j) { return now(Number(j)); });
    }, {maxWidth: 420});
    zones.bindTooltip(function (layer) {
      var c = classOf(layer.feature.properties.i);
      return "<b>" + S.n[layer.feature.properties.i] + "</b> — " + c.tip + c.x;
    }, {sticky: true});
    zones.on("click", function (event) {
      var props = event.layer && event.layer.feature && event.layer.feature.properties;
      if (!props || !props.lockdown) { return; }
      lastClick = String(props.lockdown);
      clicks += 1;
      report();
    });
    zones.addTo(window.map);
    window.feature_group = [zones];
  }

  function restyle() {
    // Most important drawn last (on top): bring each class to the front in order.
    var byClass = day.classes.map(function () { return []; });
    zones.eachLayer(function (layer) {
      var c = classOf(layer.feature.properties.i);
      layer.setStyle(c.style);
      if (layer._path) { layer._path.setAttribute("class", "leaflet-interactive " + c.style.className); }
      byClass[day.row[layer.feature.properties.i]].push(layer);
      if (layer.isPopupOpen()) { layer.getPopup().update(); }
    });
    byClass.forEach(function (layers) {
      layers.forEach(function (layer) { layer.bringToFront(); });
    });
  }

  function showDay(args) {
    if (args.day_key === shown.day) { return; }
    day = args.day;
    if (zones === null) { buildZones(window[args.zones.store], args.zones.slot); }
    restyle();
    shown.day = args.day_key;
    window.lm_day = args.day_key;
  }

  function setHeight(height) {
    if (height === shown.height) { return; }
    document.getElementById("map_div").style.height = height + "px";
    send("streamlit:setFrameHeight", {height: height});
    shown.height = height;
    if (window.map) { window.map.invalidateSize(); }
  }

  function render(args) {
    latest = args;
    setHeight(args.height);
    if (shown.base === args.base_key) {
      showDay(args);
      return;
    }
    if (loading === args.base_key) { return; }  // showDay runs when it is loaded
    if (shown.base !== null) {
      // Another dataset in the same frame (the server keys the frame by dataset, so
      // this is a fallback): start again from a clean page.
      window.location.reload();
      return;
    }
    if (!args.base) {
      // The server thinks this frame has the base (it was re-mounted): ask for it once.
      if (asked !== args.base_key) {
        asked = args.base_key;
        send("streamlit:setComponentValue",
             {value: {base: null, lockdown: lastClick, clicks: clicks}, dataType: "json"});
      }
      return;
    }
    loadBase(args.base_key, args.base).then(function () {
      showDay(latest);
      report();
    }, function (error) {
      document.body.insertAdjacentText("afterbegin", "The map could not be drawn: " + error.message);
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (data && data.type === "streamlit:render") { render(data.args); }
  });
  send("streamlit:componentReady", {apiVersion: 1});
})();
