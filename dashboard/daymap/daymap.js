/* The dashboard's map as a Streamlit component (plain JS, no build step).
 *
 * The base map (folium's page pieces: inline Leaflet, header, html, script) arrives
 * once, when the server learns that this frame does not hold it; the Leaflet map is
 * then created once and kept. Every rerun after that sends only the day's zone layer
 * (a small script over the zone store in the base), which replaces the previous day's
 * layer inside the same map: zoom and pan stay. A click on a zone is sent back.
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

  function showDay(args) {
    if (args.day_key === shown.day) { return; }
    var map = window.map;
    (window.feature_group || []).forEach(function (group) { map.removeLayer(group); });
    // The day's script returns its layer group; it only reads the base's globals.
    var group = new Function(args.day)();
    group.on("click", function (event) {
      var layer = event.sourceTarget || event.layer;
      var props = (layer && layer.feature && layer.feature.properties) || {};
      if (!props.lockdown) { return; }
      lastClick = String(props.lockdown);
      clicks += 1;
      report();
    });
    group.addTo(map);
    window.feature_group = [group];
    shown.day = args.day_key;
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
