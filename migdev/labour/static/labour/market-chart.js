/* Line chart of available workers by sex and open positions by month, from #market-chart-data. */
(function () {
  "use strict";
  var holder = document.getElementById("market-chart");
  var source = document.getElementById("market-chart-data");
  if (!holder || !source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  if (!data.points.length) { return; }
  var lang = document.documentElement.lang || "en";
  var format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  var colors = { "_T": "#0b4f8a", "M": "#2a9d8f", "F": "#b3261e", "open": "#c2410c" };
  var dashes = { "open": "6 4" };
  var months = Array.from(new Set(data.points.map(function (p) { return p.month; }))).sort();
  var series = d3.group(data.points, function (p) { return p.series; });
  var order = ["_T", "F", "M", "open"].filter(function (key) { return series.has(key); });
  var drawnWidth = 0;

  /* Drawn at the box's width in CSS pixels (again when it changes), not scaled from a fixed viewBox, so the text
     keeps its size on a phone. */
  function draw() {
    var width = Math.max(240, Math.floor(holder.clientWidth));
    if (width === drawnWidth) { return; }
    drawnWidth = width;
    d3.select(holder).selectAll("svg").remove();
    var legendRows = width < 560 ? 2 : 1;
    var extra = (legendRows - 1) * 20;
    var height = 300 + extra, margin = { top: 16, right: 32, bottom: 64 + extra, left: 56 };
    var x = d3.scalePoint().domain(months).range([margin.left, width - margin.right]);
    var y = d3.scaleLinear().domain([0, d3.max(data.points, function (p) { return p.value; }) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    var svg = d3.select(holder).append("svg")
      .attr("class", "market-chart").attr("width", width).attr("height", height)
      .attr("viewBox", "0 0 " + width + " " + height)
      .attr("aria-hidden", "true").attr("focusable", "false");
    var every = Math.max(1, Math.ceil(months.length * 64 / (width - margin.left - margin.right)));
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
      .call(d3.axisBottom(x).tickValues(months.filter(function (m, i) { return i % every === 0; })));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)")
      .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return format.format(v); }));
    var line = d3.line().x(function (p) { return x(p.month); }).y(function (p) { return y(p.value); });
    order.forEach(function (key) {
      var values = series.get(key);
      svg.append("path").datum(values).attr("fill", "none").attr("stroke", colors[key]).attr("stroke-width", 2.5)
        .attr("stroke-dasharray", dashes[key] || null).attr("d", line);
      svg.append("g").selectAll("circle").data(values).join("circle")
        .attr("cx", function (p) { return x(p.month); }).attr("cy", function (p) { return y(p.value); })
        .attr("r", 2.5).attr("fill", colors[key])
        .append("title").text(function (p) { return data.labels.series[key] + ", " + p.month + ": " + format.format(p.value); });
    });
    var perRow = Math.ceil(order.length / legendRows), step = (width - 16) / perRow;
    var legend = svg.append("g").attr("transform", "translate(8," + (height - 14 - (legendRows - 1) * 20) + ")");
    order.forEach(function (key, i) {
      var item = legend.append("g")
        .attr("transform", "translate(" + ((i % perRow) * Math.min(150, step)) + "," + (Math.floor(i / perRow) * 20) + ")");
      item.append("rect").attr("width", 14).attr("height", 4).attr("y", -4).attr("fill", colors[key]);
      item.append("text").attr("x", 20).text(data.labels.series[key]);
    });
  }

  draw();
  if (window.ResizeObserver) { new ResizeObserver(draw).observe(holder); }
})();
