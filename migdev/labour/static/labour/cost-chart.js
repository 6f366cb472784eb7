/* SDG 10.7.1 by corridor: mean and median cost share as bars, from #cost-chart-data (translated labels included).
   Drawn at the box's own width in CSS pixels (redrawn when it changes), so text keeps its size on any screen. */
(function () {
  "use strict";
  var holder = document.getElementById("cost-chart");
  var source = document.getElementById("cost-chart-data");
  if (!holder || !source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  if (!data.corridors.length) { return; }
  var lang = document.documentElement.lang || "en";
  var percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  var colors = { mean: "#0b4f8a", median: "#2a9d8f" };
  var keys = ["mean", "median"];
  var drawnWidth = 0;

  function draw() {
    var width = Math.max(240, Math.floor(holder.clientWidth));
    if (width === drawnWidth) { return; }
    drawnWidth = width;
    d3.select(holder).selectAll("svg").remove();
    var margin = { top: 40, right: 56, bottom: 12, left: 8 };
    var label = 18, bar = 12, gap = 14;
    var row = label + keys.length * bar + gap;
    var height = margin.top + data.corridors.length * row + margin.bottom;
    var top = d3.max(data.corridors, function (c) { return Math.max(c.mean || 0, c.median || 0); }) || 0.01;
    var x = d3.scaleLinear().domain([0, top]).nice().range([margin.left, width - margin.right]);
    var svg = d3.select(holder).append("svg")
      .attr("class", "cost-chart").attr("width", width).attr("height", height)
      .attr("viewBox", "0 0 " + width + " " + height)
      .attr("aria-hidden", "true").attr("focusable", "false");
    var legend = svg.append("g").attr("class", "legend").attr("transform", "translate(" + margin.left + ",12)");
    keys.forEach(function (key, i) {
      var item = legend.append("g").attr("transform", "translate(" + (i * 110) + ",0)");
      item.append("rect").attr("width", 14).attr("height", 12).attr("y", -10).attr("fill", colors[key]);
      item.append("text").attr("x", 20).text(data.labels[key]);
    });
    svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (margin.top - 6) + ")")
      .call(d3.axisTop(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat(function (v) { return percent.format(v); }));
    var groups = svg.append("g").selectAll("g").data(data.corridors).join("g")
      .attr("transform", function (c, i) { return "translate(0," + (margin.top + i * row) + ")"; });
    groups.append("text").attr("class", "corridor").attr("x", margin.left).attr("y", label - 5)
      .text(function (c) { return c.label + " (" + c.n + " " + data.labels.workers + ")"; });
    keys.forEach(function (key, k) {
      var y = label + k * bar;
      groups.append("rect").attr("x", x(0)).attr("y", y).attr("height", bar - 2)
        .attr("width", function (c) { return Math.max(1, x(c[key]) - x(0)); }).attr("fill", colors[key])
        .append("title").text(function (c) { return c.label + ", " + data.labels[key] + ": " + percent.format(c[key]); });
      groups.append("text").attr("class", "value").attr("x", function (c) { return x(c[key]) + 4; })
        .attr("y", y + bar - 3).text(function (c) { return percent.format(c[key]); });
    });
  }

  draw();
  if (window.ResizeObserver) { new ResizeObserver(draw).observe(holder); }
})();
