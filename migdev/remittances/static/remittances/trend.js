/* Trend lines of remittance costs by quarter, drawn with d3 from the #trend-data json_script: every element with a
   data-series attribute gets the series named there, with a dashed line at the SDG target. */
(function () {
  "use strict";
  var source = document.getElementById("trend-data");
  if (!source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "en";
  var format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  var palette = ["#0b4f8a", "#b3261e", "#2a9d8f", "#8a5a00", "#6a3d9a", "#33691e", "#ad1457", "#455a64",
    "#e65100", "#00838f", "#5d4037", "#283593", "#9e9d24", "#4e342e", "#1b5e20", "#880e4f", "#37474f"];

  /* Drawn at the box's width in CSS pixels and again when it changes, so text keeps its size on a phone. */
  function chart(holder, series) {
    series = series.filter(function (s) { return s.points.length; });
    if (!series.length) { return; }
    var drawnWidth = 0;
    var redraw = function () {
      var width = Math.max(260, Math.floor(holder.clientWidth));
      if (width === drawnWidth) { return; }
      drawnWidth = width;
      d3.select(holder).selectAll("svg").remove();
      draw(holder, width, series);
    };
    redraw();
    if (window.ResizeObserver) { new ResizeObserver(redraw).observe(holder); }
  }

  function draw(holder, width, series) {
    var height = 300, margin = { top: 16, right: 32, bottom: 40, left: 52 };
    var all = [].concat.apply([], series.map(function (s) { return s.points; }));
    var periods = Array.from(new Set(all.map(function (p) { return p.period; }))).sort();
    var x = d3.scalePoint().domain(periods).range([margin.left, width - margin.right]);
    var top = Math.max(data.target || 0, d3.max(all, function (p) { return p.value; }) || 1);
    var y = d3.scaleLinear().domain([0, top]).nice().range([height - margin.bottom, margin.top]);
    var svg = d3.select(holder).append("svg").attr("width", width).attr("height", height)
      .attr("viewBox", "0 0 " + width + " " + height).attr("aria-hidden", "true").attr("focusable", "false");
    var every = Math.max(1, Math.ceil(periods.length * 56 / (width - margin.left - margin.right)));
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
      .call(d3.axisBottom(x).tickValues(periods.filter(function (p, i) { return i % every === 0; })));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)")
      .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return v + " %"; }));
    if (data.target) {
      svg.append("line").attr("class", "target").attr("x1", margin.left).attr("x2", width - margin.right)
        .attr("y1", y(data.target)).attr("y2", y(data.target))
        .attr("stroke", "#555").attr("stroke-dasharray", "5 4")
        .append("title").text(data.labels.target);
    }
    var line = d3.line().x(function (p) { return x(p.period); }).y(function (p) { return y(p.value); });
    series.forEach(function (s, i) {
      var color = palette[i % palette.length];
      svg.append("path").datum(s.points).attr("class", "line series-" + s.key)
        .attr("fill", "none").attr("stroke", color).attr("stroke-width", 2.5).attr("d", line);
      svg.append("g").selectAll("circle").data(s.points).join("circle")
        .attr("cx", function (p) { return x(p.period); }).attr("cy", function (p) { return y(p.value); })
        .attr("r", 3).attr("fill", color)
        .append("title").text(function (p) { return s.label + ", " + p.period + ": " + format.format(p.value) + " %"; });
    });
    // The legend is an HTML list after the chart, so it wraps on a phone.
    var list = d3.select(holder).selectAll("ul.legend-items").data([0]).join("ul").attr("class", "legend-items");
    list.selectAll("li").data(series).join("li").each(function (s, i) {
      var item = d3.select(this).text("");
      item.append("span").attr("class", "swatch").style("background", palette[i % palette.length]);
      item.append("span").text(s.label);
    });
  }

  document.querySelectorAll("[data-series]").forEach(function (holder) {
    chart(holder, data[holder.getAttribute("data-series")] || []);
  });
})();
