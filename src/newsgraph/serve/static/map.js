// The map page with JavaScript: the longitude and latitude under the pointer, from the
// server's Natural Earth projection inverted by d3-geo (the page works without it).
(function () {
  "use strict";
  function attach() {
    var svg = document.getElementById("worldmap");
    var out = document.getElementById("map-pointer");
    if (!svg || !out || !window.d3 || !d3.geoNaturalEarth1) { return; }
    var box = svg.viewBox.baseVal;
    var projection = d3.geoNaturalEarth1().fitExtent(
      [[8, 8], [box.width - 8, box.height - 8]], { type: "Sphere" });
    svg.addEventListener("mousemove", function (ev) {
      var r = svg.getBoundingClientRect();
      var x = (ev.clientX - r.left) * box.width / r.width;
      var y = (ev.clientY - r.top) * box.height / r.height;
      var ll = projection.invert([x, y]);
      if (ll && isFinite(ll[0]) && isFinite(ll[1])) {
        out.textContent = "lat " + ll[1].toFixed(2) + ", lon " + ll[0].toFixed(2);
      }
    });
  }
  document.addEventListener("DOMContentLoaded", attach);
  document.addEventListener("htmx:afterSettle", attach);
})();
