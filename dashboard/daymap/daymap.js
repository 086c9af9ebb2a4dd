/* The dashboard's map as a Streamlit component (plain JS, no build step).
 *
 * The base map (folium's page pieces: inline Leaflet, header, html, script, and the
 * name of the zone store the script defines) arrives once, when the server learns
 * that this frame does not hold it, as base64 of gzip-compressed JSON (a seventh of
 * its size) that the browser's DecompressionStream unpacks. The Leaflet map and one
 * layer with every zone are then created once and kept. Every rerun after that sends only the day's
 * styles (a class per zone: style, status text); the zones are restyled in place,
 * so nothing is re-created or re-projected and zoom and pan stay. A click on a zone
 * is sent back as the component's value.
 *
 * Stepping on the map: each render also brings the styles of the days one step back
 * and forward ("steps"). The map's own step buttons (and the "," and "." keys in
 * the frame) show such a day at once and then tell the server (the value's "day"
 * and "moves"), whose rerun moves the slider and the details to it; a step pressed
 * before that rerun is back waits for it. The page's day slider is followed the same
 * way (followSlider): a key press on it shows a held day at once.
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
  var moves = 0;          // steps taken on the map
  // Told with each step, so that the server never takes a new frame's first step for
  // one it has already acted on.
  var frameId = Math.random().toString(36).slice(2);
  var movedTo = null;     // the day the last of them went to
  var pending = null;     // a step asked for before its day's styles arrived
  var stepper = null;     // the step control: {back, forward, label}

  function send(type, data) {
    var message = {isStreamlitMessage: true, type: type};
    for (var k in data) { message[k] = data[k]; }
    window.parent.postMessage(message, "*");
  }

  function report() {
    send("streamlit:setComponentValue",
         {value: {base: shown.base, lockdown: lastClick, clicks: clicks, day: movedTo,
                  moves: moves ? frameId + ":" + moves : null}, dataType: "json"});
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

  function unpack(packed) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error(
        "this browser cannot unpack it (it needs DecompressionStream: Chrome or Edge 80, " +
        "Firefox 113, Safari 16.4 or later)"));
    }
    return fetch("data:application/gzip;base64," + packed).then(function (response) {
      return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).json();
    });
  }

  function loadBase(key, packed) {
    loading = key;
    return unpack(packed).then(function (base) { return addBase(key, base); });
  }

  function addBase(key, base) {
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

  function buildZones(S) {
    var features = S.l.map(function (lockdown, i) {
      return {type: "Feature", geometry: S.g[S.k[i]], properties: {i: i, lockdown: lockdown}};
    });
    zones = L.geoJson({type: "FeatureCollection", features: features}, {
      style: function (feature) { return classOf(feature.properties.i).style; }
    });
    // A zone's popup is its whole history (joined by the store, geo/maps/histories.py):
    // each drawn lockdown with its row's status on the day.
    function now(j) {
      var c = classOf(j);
      return "<span class='lm-now lm-now-" + c.key + "'>" + c.status + "</span>";
    }
    zones.bindPopup(function (layer) {
      return S.popup(layer.feature.properties.i, now);
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
    // A zone whose style is the same as yesterday's is left alone (most of them).
    var keys = day.classes.map(function (c) { return JSON.stringify(c.style); });
    var byClass = day.classes.map(function () { return []; });
    var changed = false;
    zones.eachLayer(function (layer) {
      var row = day.row[layer.feature.properties.i];
      if (layer._lmStyle !== keys[row]) {
        var style = day.classes[row].style;
        layer.setStyle(style);
        if (layer._path) { layer._path.setAttribute("class", "leaflet-interactive " + style.className); }
        layer._lmStyle = keys[row];
        changed = true;
      }
      byClass[row].push(layer);
      if (layer.isPopupOpen()) { layer.getPopup().update(); }
    });
    if (!changed) { return; }
    // Most important drawn last (on top): bring each class to the front in order.
    byClass.forEach(function (layers) {
      layers.forEach(function (layer) { layer.bringToFront(); });
    });
  }

  function applyDay(key, styles, iso) {
    day = styles;
    if (zones === null) { buildZones(window[latest.zones.store]); }
    restyle();
    shown.day = key;
    window.lm_day = key;
    if (stepper) { stepper.label.textContent = iso || ""; }
  }

  function canStep(name) { return Boolean(latest && latest.steps && latest.steps[name]); }

  function updateStepper() {
    if (!stepper) { return; }
    stepper.back.disabled = !canStep("back") && pending === null;
    stepper.forward.disabled = !canStep("forward") && pending === null;
  }

  function stepTo(name) {
    if (zones === null) { return; }
    var target = latest.steps && latest.steps[name];
    if (!target) {
      // The server has not sent this day's neighbours yet: take the step when it has.
      if (latest.steps && Object.keys(latest.steps).length === 0 && moves > 0) { pending = name; }
      return;
    }
    applyDay(target.key, target.styles, target.iso);
    latest.steps = {};  // the next step needs the neighbours of this day
    moves += 1;
    movedTo = target.iso;
    updateStepper();
    report();
  }

  function addStepper() {
    var Control = L.Control.extend({
      options: {position: "topright"},
      onAdd: function () {
        var box = L.DomUtil.create("div", "leaflet-bar lm-stepper");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "Day shown on the map");
        box.style.cssText = "background:#fff;display:flex;align-items:center;font:13px sans-serif";
        function button(text, label, name) {
          var b = L.DomUtil.create("button", "lm-step-" + name, box);
          b.type = "button";
          b.textContent = text;
          b.title = label;
          b.setAttribute("aria-label", label);
          b.style.cssText = "border:0;background:none;padding:4px 8px;cursor:pointer;font:inherit";
          L.DomEvent.on(b, "click", function (event) { L.DomEvent.stop(event); stepTo(name); });
          return b;
        }
        var back = button("\u25C0", "One step back (,)", "back");
        var label = L.DomUtil.create("span", "lm-step-day", box);
        label.setAttribute("aria-live", "polite");
        label.style.cssText = "padding:0 4px;font-variant-numeric:tabular-nums";
        var forward = button("\u25B6", "One step forward (.)", "forward");
        L.DomEvent.disableClickPropagation(box);
        stepper = {back: back, forward: forward, label: label};
        return box;
      }
    });
    new Control().addTo(window.map);
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (event.key === "," || event.key === "<") { event.preventDefault(); stepTo("back"); }
      if (event.key === "." || event.key === ">") { event.preventDefault(); stepTo("forward"); }
    });
  }

  // The page's day slider (a Streamlit widget in the parent page, which this frame may
  // read: same origin): when the day it shows becomes one whose styles this frame holds
  // (the day shown, the steps, the days either side), the map shows it at once; the
  // server's rerun follows with the same day and the details. Anything else (a far
  // drag, a page this frame cannot read) waits for the server, as before.
  var following = false;  // watching the page for the slider

  function heldDay(iso) {
    if (!latest) { return null; }
    if (latest.day_iso === iso) {
      return {key: latest.day_key, styles: latest.day, iso: latest.day_iso};
    }
    var steps = latest.steps || {};
    for (var name in steps) { if (steps[name].iso === iso) { return steps[name]; } }
    return null;
  }

  // Watched through the page's body, not one element: Streamlit may replace the slider's
  // input on a rerun, and a watch on the old one would miss every key after that.
  function followSlider(widgetKey) {
    if (following) { return; }
    var page = null;
    try { page = window.parent.document.body; } catch (error) { return; }  // another origin
    if (!page) { return; }
    following = true;
    var selector = ".st-key-" + widgetKey + " input[type=range]";
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (zones === null || !record.target.matches(selector)) { return; }
        var target = heldDay(record.target.getAttribute("aria-valuetext"));
        if (target && target.key !== shown.day) {
          applyDay(target.key, target.styles, target.iso);
        }
      });
    }).observe(page, {attributes: true, subtree: true, attributeFilter: ["aria-valuetext"]});
  }

  function showDay(args) {
    if (stepper === null) { addStepper(); }
    if (args.follow) { followSlider(args.follow); }
    if (args.day_key !== shown.day) { applyDay(args.day_key, args.day, args.day_iso); }
    if (stepper) { stepper.label.textContent = args.day_iso || ""; }
    if (pending !== null && args.steps) {
      var name = pending;
      pending = null;
      stepTo(name);
    }
    updateStepper();
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
      loading = null;
      document.body.insertAdjacentText("afterbegin", "The map could not be drawn: " + error.message);
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (data && data.type === "streamlit:render") { render(data.args); }
  });
  send("streamlit:componentReady", {apiVersion: 1});
})();
