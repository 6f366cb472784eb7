/* Line charts of a migration profile, drawn with d3 from the #profile-data json_script. */
(function () {
  "use strict";
  var source = document.getElementById("profile-data");
  if (!source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "en";
  var colors = { "_T": "#0b4f8a", "M": "#2a9d8f", "F": "#b3261e" };

  /* Each chart is drawn at its box's width in CSS pixels (and again when that width changes), not scaled from a
     fixed viewBox: scaled down into a half-width column, 10-unit tick labels came out about 7 px high. */
  function lineChart(id, cssClass, points, decimals, compact) {
    var holder = document.getElementById(id);
    if (!holder || !points.length) { return; }
    var drawnWidth = 0;
    var redraw = function () {
      var width = Math.max(240, Math.floor(holder.clientWidth));
      if (width === drawnWidth) { return; }
      drawnWidth = width;
      d3.select(holder).selectAll("svg").remove();
      drawLines(holder, width, cssClass, points, decimals, compact);
    };
    redraw();
    if (window.ResizeObserver) { new ResizeObserver(redraw).observe(holder); }
  }

  function drawLines(holder, width, cssClass, points, decimals, compact) {
    var format = new Intl.NumberFormat(lang, compact
      ? { notation: "compact", maximumFractionDigits: 1 }
      : { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
    var height = 280, margin = { top: 16, right: 20, bottom: 60, left: 64 };
    var series = d3.group(points, function (p) { return p.sex; });
    var years = Array.from(new Set(points.map(function (p) { return p.year; }))).sort();
    var x = d3.scalePoint().domain(years).range([margin.left, width - margin.right]);
    var y = d3.scaleLinear().domain([0, d3.max(points, function (p) { return p.value; }) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    var svg = d3.select(holder).append("svg")
      .attr("class", cssClass).attr("width", width).attr("height", height)
      .attr("viewBox", "0 0 " + width + " " + height)
      .attr("aria-hidden", "true").attr("focusable", "false");
    // Every year where there is room for it (about 44 px a label), else every other one, and so on.
    var every = Math.max(1, Math.ceil(years.length * 44 / (width - margin.left - margin.right)));
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
      .call(d3.axisBottom(x).tickValues(years.filter(function (year, i) { return i % every === 0; })));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)")
      .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return format.format(v); }));
    var line = d3.line().x(function (p) { return x(p.year); }).y(function (p) { return y(p.value); });
    var order = ["_T", "M", "F"].filter(function (s) { return series.has(s); });
    order.forEach(function (sex) {
      var values = series.get(sex);
      svg.append("path").datum(values).attr("class", "line sex-" + sex.replace("_", ""))
        .attr("fill", "none").attr("stroke", colors[sex]).attr("stroke-width", 2.5).attr("d", line);
      svg.append("g").selectAll("circle").data(values).join("circle")
        .attr("cx", function (p) { return x(p.year); }).attr("cy", function (p) { return y(p.value); })
        .attr("r", 3).attr("fill", colors[sex])
        .append("title").text(function (p) { return data.labels.sexes[sex] + ", " + p.year + ": " + format.format(p.value); });
    });
    if (order.length > 1) {
      var step = Math.min(130, (width - margin.left) / order.length);
      var legend = svg.append("g").attr("transform", "translate(" + Math.min(margin.left, 8) + "," + (height - 14) + ")");
      order.forEach(function (sex, i) {
        var item = legend.append("g").attr("transform", "translate(" + (i * step) + ",0)");
        item.append("rect").attr("width", 14).attr("height", 4).attr("y", -4).attr("fill", colors[sex]);
        item.append("text").attr("x", 20).text(data.labels.sexes[sex]);
      });
    }
  }

  lineChart("chart-stock", "chart-stock", data.stock, 0, true);
  lineChart("chart-female-share", "chart-female-share", data.femaleShare, 1, false);
  lineChart("chart-share", "chart-share", data.share, 1, false);
})();
