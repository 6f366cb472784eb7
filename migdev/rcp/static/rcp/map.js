/* World map highlighting the countries of one or more processes (offline shapes); data from the #map-data
   json_script: topology, highlighted (zero-padded M49 codes), names, links, selected (the country shown), and
   optionally values (a number by M49 code: the map is then shaded by it, darker for more). */
(function () {
  "use strict";
  var holder = document.getElementById("world-map");
  var source = document.getElementById("map-data");
  if (!holder || !source || !window.d3 || !window.topojson) { return; }
  var data = JSON.parse(source.textContent);
  var highlighted = new Set(data.highlighted || []);
  var values = data.values || null;
  var most = values ? Math.max.apply(null, Object.values(values).concat([1])) : 1;
  var shade = window.d3.scaleSequential(window.d3.interpolateBlues).domain([0, most]);
  var width = 960, height = 480;

  d3.json(data.topology).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    var projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
    var path = d3.geoPath(projection);
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
      .attr("class", function (d) {
        return highlighted.has(d.id) || (values && values[d.id]) ? "member" : null;
      })
      .attr("fill", function (d) {
        if (d.id === data.selected) { return "#b2182b"; }
        if (values) { return values[d.id] ? shade(0.15 * most + 0.85 * values[d.id]) : "#e0e0e0"; }
        return highlighted.has(d.id) ? "#2166ac" : "#e0e0e0";
      })
      .attr("stroke", "#ffffff").attr("stroke-width", 0.5)
      .style("cursor", function (d) { return data.links[d.id] ? "pointer" : "default"; })
      .on("click", function (event, d) { if (data.links[d.id]) { window.location.href = data.links[d.id]; } })
      .append("title")
      .text(function (d) {
        var name = data.names[d.id] || (d.properties && d.properties.name) || d.id;
        return values ? name + ": " + (values[d.id] || 0) : name;
      });
  });
})();
