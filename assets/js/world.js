// The interactive world map: replaces the server-rendered SVG (figure.world-map) with a
// Leaflet map of the same view. The circles are read from the SVG itself (each
// <g class="map__dot"> carries its point in data-lat/data-lon, its published count in
// data-count — a number rounded to 5, or "<3", never the exact figure — and the zoom it leads
// to in data-href), so the interactive map shows exactly what the page without JavaScript
// shows. The country outlines come from /world/countries.geojson (served by Naqsha, cached);
// no tile server and no other host is asked for anything.
//
// Requires Leaflet (assets/vendor/leaflet, loaded with defer before this file). Without it,
// or without JavaScript, the SVG map stays.
(function () {
  'use strict';

  var LEAFLET_CSS = '/assets/vendor/leaflet/leaflet.a78371028241.css';
  var MIN_R = 8; // px
  var MAX_R = 36; // px
  var FULL = 50; // the count that gets the largest circle, as on the SVG map

  var figure = document.querySelector('figure.world-map');
  if (!figure || !window.L || !figure.dataset.bounds) return;
  var svg = figure.querySelector('svg.map__svg');
  if (!svg) return;

  var b = figure.dataset.bounds.split(' ').map(Number);
  var bounds = L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
  var chosen = figure.dataset.country || '';
  var dots = Array.prototype.map.call(svg.querySelectorAll('.map__dot'), function (g) {
    var title = g.querySelector('title');
    return {
      lat: Number(g.dataset.lat),
      lon: Number(g.dataset.lon),
      weight: Number(g.dataset.weight) || 1,
      few: !/^[0-9]+$/.test(g.dataset.count || ''),
      text: g.dataset.count || '',
      title: title ? title.textContent : g.dataset.name,
      href: g.dataset.href,
    };
  });
  var max = dots.reduce(function (m, d) {
    return Math.max(m, d.weight);
  }, FULL);

  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = LEAFLET_CSS;
  link.addEventListener('load', start, { once: true });
  var mapCss = document.querySelector('link[href="/assets/css/map.css"]');
  if (mapCss) mapCss.before(link);
  else document.head.appendChild(link);

  function start() {
    var box = document.createElement('div');
    box.className = 'map__leaflet world-map__leaflet';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', figure.dataset.label || '');
    svg.replaceWith(box);

    var map = L.map(box, {
      zoomControl: false,
      minZoom: 0,
      maxZoom: 10,
      zoomSnap: 0.25,
      worldCopyJump: false,
      maxBounds: [[-85, -200], [85, 200]],
      maxBoundsViscosity: 1,
    });
    L.control
      .zoom({ zoomInTitle: figure.dataset.zoomIn, zoomOutTitle: figure.dataset.zoomOut })
      .addTo(map);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Natural Earth');
    map.fitBounds(bounds);

    var outlines = L.layerGroup().addTo(map);
    var circles = L.layerGroup().addTo(map);

    fetch(figure.dataset.outlines, { credentials: 'omit' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (geo) {
        if (!geo) return;
        L.geoJSON(geo, {
          interactive: false,
          style: function (f) {
            var own = f.properties.iso2 === chosen;
            return {
              color: own ? '#6b1d4a' : '#b9b3a9',
              weight: own ? 2 : 0.75,
              fillColor: own ? '#f6ebf1' : '#ebe7df',
              fillOpacity: 1,
            };
          },
        }).addTo(outlines);
        circles.eachLayer(function (c) {
          c.bringToFront();
        });
      })
      .catch(function () {
        // The circles still show without outlines.
      });

    dots.forEach(function (d) {
      var r = Math.max(MIN_R, MAX_R * Math.sqrt(d.weight / max));
      var c = L.circleMarker([d.lat, d.lon], {
        radius: r,
        color: d.few ? '#6b1d4a' : '#ffffff',
        weight: 2,
        fillColor: d.few ? '#ffffff' : '#6b1d4a',
        fillOpacity: d.few ? 0.9 : 0.8,
        className: 'world-dot' + (d.few ? ' world-dot--few' : ''),
      });
      c.bindTooltip(d.title, { direction: 'top' });
      if (d.href) {
        c.on('click', function () {
          window.location.href = d.href;
        });
      }
      circles.addLayer(c);
    });
    box.dataset.dots = String(dots.length);
  }
})();
