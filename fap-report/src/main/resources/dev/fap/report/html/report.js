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
    } catch (e) {
      fail(e && e.message || e);
      publish("failed", []);
    }
  };
  window.__fapDraw();
})();
