(function () {
  "use strict";
  var fap = window.__fap;
  var status = document.getElementById("fap-status");
  function fail(message) {
    fap.errors.push(String(message));
    var banner = document.getElementById("fap-banner");
    if (banner) { banner.textContent = "Some charts could not be drawn: " + message; banner.classList.add("show"); }
  }
  function publish(state, charts) {
    status.dataset.state = state;
    status.textContent = JSON.stringify({ state: state, charts: charts, errors: fap.errors });
  }
  async function loadPlotly() {
    if (window.Plotly) { return window.Plotly; }
    if (typeof DecompressionStream === "undefined") {
      throw new Error("this browser lacks DecompressionStream; open the report in Chrome 80+, Firefox 113+ or Safari 16.4+");
    }
    var b64 = document.getElementById("fap-plotly").textContent;
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    var source = await new Response(stream).text();
    var script = document.createElement("script");
    script.textContent = source;
    document.head.appendChild(script);
    if (!window.Plotly) { throw new Error("plotly.js did not initialise"); }
    return window.Plotly;
  }
  function config(Plotly, name) {
    return {
      responsive: true, displaylogo: false,
      toImageButtonOptions: { format: "png", filename: name, scale: 2 },
      modeBarButtonsToRemove: ["select2d", "lasso2d"],
      modeBarButtonsToAdd: [{
        name: "Download plot as SVG",
        icon: Plotly.Icons.disk,
        click: function (gd) { Plotly.downloadImage(gd, { format: "svg", filename: name }); }
      }]
    };
  }
  async function draw(Plotly, div) {
    var figure = JSON.parse(document.getElementById(div.dataset.figure).textContent);
    await Plotly.newPlot(div, figure.data, figure.layout, config(Plotly, div.dataset.name));
    var points = (div.calcdata || []).map(function (trace) { return trace ? trace.length : 0; });
    var drawn = div.querySelector(".main-svg") !== null && points.length === figure.data.length
      && points.every(function (n) { return n > 0; });
    return { id: div.id, traces: figure.data.length, points: points, drawn: drawn };
  }
  window.__fapDraw = async function () {
    var divs = Array.prototype.slice.call(document.querySelectorAll(".chart[data-figure]"));
    try {
      var Plotly = await loadPlotly();
      var charts = await Promise.all(divs.map(function (div) {
        return draw(Plotly, div).catch(function (e) { fail(div.id + ": " + (e && e.message || e)); return { id: div.id, drawn: false }; });
      }));
      publish("done", charts);
      return Plotly;
    } catch (e) {
      fail(e && e.message || e);
      publish("failed", []);
      return null;
    }
  };
  var ready = window.__fapDraw();

  /* Live pages: apply each server-sent frame (KPIs and figures in page order) without reloading. */
  var events = document.body.dataset.events;
  if (events) {
    fap.frames = 0;
    fap.lastSequence = -1;
    var live = document.getElementById("fap-live");
    var dot = document.getElementById("fap-live-dot");
    var source = new EventSource(events);
    source.addEventListener("frame", function (event) {
      ready.then(function (Plotly) {
        if (!Plotly) { return; }
        var frame = JSON.parse(event.data);
        var cards = document.querySelectorAll(".kpi");
        fap.kpiSequence = frame.sequence;
        frame.kpis.forEach(function (kpi, i) {
          if (!cards[i]) { return; }
          cards[i].querySelector(".kpi-value").textContent = kpi.value;
          var detail = cards[i].querySelector(".kpi-detail");
          if (detail) { detail.textContent = kpi.detail; }
        });
        var divs = document.querySelectorAll(".chart[data-figure]");
        var updates = frame.charts.map(function (figure, i) {
          return divs[i] ? Plotly.react(divs[i], figure.data, figure.layout) : null;
        });
        return Promise.all(updates).then(function () {
          fap.frames++;
          fap.lastSequence = frame.sequence;
          live.textContent = "live · update " + frame.sequence + (frame.status ? " · " + frame.status : "");
          dot.classList.remove("off");
        });
      }).catch(function (e) { fail("live update: " + (e && e.message || e)); });
    });
    source.addEventListener("closed", function () {
      source.close();
      live.textContent = "stream ended";
      dot.classList.add("off");
    });
    source.onerror = function () {
      if (source.readyState !== EventSource.CLOSED) { live.textContent = "reconnecting…"; }
      dot.classList.add("off");
    };
  }
})();
