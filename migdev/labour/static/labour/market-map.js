/* World map of shortage, balance and surplus by country; data and translated labels from #market-map-data. */
(function () {
  "use strict";
  var holder = document.getElementById("market-map");
  var source = document.getElementById("market-map-data");
  if (!holder || !source || !window.d3 || !window.topojson) { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "en";
  var format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  var colors = { shortage: "#c2410c", balanced: "#fcd34d", surplus: "#1d4ed8" };
  var noData = "#e0e0e0";
  var width = 960, height = 480;

  function describe(id, fallback) {
    var name = data.names[id] || fallback;
    var kind = data.classification[id];
    if (!kind) { return name + ": " + data.labels.noData; }
    var value = data.tightness[id];
    var figure = value === "inf" ? data.labels.noSupply : (value === null ? data.labels.hidden : format.format(value));
    return name + ": " + data.labels.classes[kind] + " (" + data.labels.tightness + ": " + figure + ")";
  }

  d3.json(data.topology).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    var projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
    var path = d3.geoPath(projection);
    var svg = d3.select(holder).append("svg")
      .attr("class", "market-map")
      .attr("viewBox", "0 0 " + width + " " + height)
      .attr("aria-hidden", "true")
      .attr("focusable", "false");
    svg.append("g").selectAll("path")
      .data(countries.features)
      .join("path")
      .attr("d", path)
      .attr("data-m49", function (d) { return d.id; })
      .attr("fill", function (d) { return colors[data.classification[d.id]] || noData; })
      .attr("stroke", "#ffffff").attr("stroke-width", 0.5)
      .style("cursor", function (d) { return data.links[d.id] ? "pointer" : "default"; })
      .on("click", function (event, d) { if (data.links[d.id]) { window.location.href = data.links[d.id]; } })
      .append("title")
      .text(function (d) { return describe(d.id, (d.properties && d.properties.name) || d.id); });
    drawLegend();
  });

  // An HTML list, not an SVG scaled to the width: its items wrap on a phone instead of running out of the box.
  function drawLegend() {
    var legend = document.getElementById("market-legend");
    if (!legend) { return; }
    var items = ["shortage", "balanced", "surplus"].map(function (kind) {
      return { color: colors[kind], label: data.labels.classes[kind] };
    }).concat([{ color: noData, label: data.labels.noData }]);
    var list = d3.select(legend).append("ul").attr("class", "legend-items market-legend");
    var item = list.selectAll("li").data(items).join("li");
    item.append("span").attr("class", "swatch").style("background", function (d) { return d.color; });
    item.append("span").text(function (d) { return d.label; });
  }
})();
