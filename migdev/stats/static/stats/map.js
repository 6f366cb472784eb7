/* World choropleth of one indicator: data and translated labels come from the #map-data json_script. */
(function () {
  "use strict";
  var holder = document.getElementById("world-map");
  var source = document.getElementById("map-data");
  if (!holder || !source || !window.d3 || !window.topojson) { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "en";
  var format = new Intl.NumberFormat(lang, { maximumFractionDigits: data.decimals, minimumFractionDigits: data.decimals });
  var width = 960, height = 480;

  d3.json(data.topology).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    var projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
    var path = d3.geoPath(projection);
    var values = Object.values(data.values);
    var color = d3.scaleQuantile().domain(values).range(d3.schemeBlues[7]);

    var svg = d3.select(holder).append("svg")
      .attr("class", "map-world")
      .attr("viewBox", "0 0 " + width + " " + height)
      .attr("aria-hidden", "true")
      .attr("focusable", "false");
    svg.append("g").selectAll("path")
      .data(countries.features)
      .join("path")
      .attr("d", path)
      .attr("data-m49", function (d) { return d.id; })
      .attr("fill", function (d) { return d.id in data.values ? color(data.values[d.id]) : "#e0e0e0"; })
      .attr("stroke", "#ffffff").attr("stroke-width", 0.5)
      .style("cursor", function (d) { return data.links[d.id] ? "pointer" : "default"; })
      .on("click", function (event, d) { if (data.links[d.id]) { window.location.href = data.links[d.id]; } })
      .append("title")
      .text(function (d) {
        var name = data.names[d.id] || (d.properties && d.properties.name) || d.id;
        var value = data.values[d.id];
        return name + ": " + (value === undefined ? data.labels.noData : format.format(value));
      });

    drawLegend(color);
  });

  function drawLegend(color) {
    var legend = document.getElementById("map-legend");
    if (!legend) { return; }
    var thresholds = [d3.min(Object.values(data.values))].concat(color.quantiles());
    // An HTML list, not an SVG scaled to the width: its items wrap on a phone instead of running out of the box.
    var items = color.range().map(function (fill, i) { return { color: fill, label: "≥ " + format.format(thresholds[i]) }; })
      .concat([{ color: "#e0e0e0", label: data.labels.noData }]);
    var list = d3.select(legend).append("ul").attr("class", "legend-items map-legend");
    var item = list.selectAll("li").data(items).join("li");
    item.append("span").attr("class", "swatch").style("background", function (d) { return d.color; });
    item.append("span").text(function (d) { return d.label; });
  }
})();
