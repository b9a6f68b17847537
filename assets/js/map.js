// The interactive map: replaces the server-rendered SVG map (figure.map) with a Leaflet map
// drawn from the same data. The circles are read from the SVG itself (one <g class="map__dot">
// per place, its centre in map units that data-frame turns back into degrees), so the
// interactive map shows exactly what the page without JavaScript shows; the outlines come
// from /map/outlines.geojson (served by Naqsha, cached). Nearby places are grouped on a grid
// of CELL pixels at each zoom level, and a group's count is the sum of its places', so the
// counts on the map always add up to the number of cases on the map.
//
// Requires Leaflet (assets/vendor/leaflet, loaded with defer before this file). Without it,
// or without JavaScript, the SVG map stays.
(function () {
  'use strict';

  var LEAFLET_CSS = '/assets/vendor/leaflet/leaflet.a78371028241.css';
  var CELL = 40; // px: places closer than about this are grouped
  var MIN_D = 24; // px: smallest circle, big enough for its number and a tap
  var MAX_D = 64; // px: largest circle at any zoom
  var PAKISTAN = [[23.6, 60.8], [37.1, 77.9]];

  var figure = document.querySelector('figure.map');
  if (!figure || !window.L || !figure.dataset.frame) return;
  var svg = figure.querySelector('svg.map__svg');
  if (!svg) return;

  var frame = figure.dataset.frame.split(' ').map(Number);
  var west = frame[0], north = frame[1], kx = frame[2], ky = frame[3];
  var places = Array.prototype.map.call(svg.querySelectorAll('.map__dot'), function (g) {
    var c = g.querySelector('circle');
    return {
      name: g.dataset.name,
      count: Number(g.dataset.count),
      lat: north - Number(c.getAttribute('cy')) / ky,
      lon: west + Number(c.getAttribute('cx')) / kx,
    };
  });

  // Leaflet's stylesheet is only fetched by visitors who get the interactive map; it goes
  // before map.css so that the page's rules win.
  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = LEAFLET_CSS;
  link.addEventListener('load', start, { once: true });
  var mapCss = document.querySelector('link[href="/assets/css/map.css"]');
  if (mapCss) mapCss.before(link);
  else document.head.appendChild(link);

  function start() {
    var box = document.createElement('div');
    box.className = 'map__leaflet';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', figure.dataset.label || '');
    svg.replaceWith(box);

    var map = L.map(box, {
      zoomControl: false,
      minZoom: 3.5,
      maxZoom: 11,
      // Fractional zoom lets the country fill a phone's width; the buttons still step by one.
      zoomSnap: 0.25,
      zoomDelta: 1,
      maxBounds: [[20, 56], [40, 82]],
      maxBoundsViscosity: 1,
    });
    L.control
      .zoom({ zoomInTitle: figure.dataset.zoomIn, zoomOutTitle: figure.dataset.zoomOut })
      .addTo(map);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Natural Earth');
    map.fitBounds(PAKISTAN);

    if (figure.dataset.tiles) {
      L.tileLayer(figure.dataset.tiles, { maxZoom: 18 }).addTo(map);
    }

    fetch(figure.dataset.outlines, { credentials: 'omit' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (geo) {
        if (!geo) return;
        L.geoJSON(geo, {
          interactive: false,
          style: function (f) {
            return f.properties.layer === 'province'
              ? { color: '#8a8580', weight: 1, fillColor: '#ffffff', fillOpacity: figure.dataset.tiles ? 0.3 : 1 }
              : { color: '#b9b3a9', weight: 1, fillColor: '#ebe7df', fillOpacity: figure.dataset.tiles ? 0 : 1 };
          },
          filter: function (f) {
            return f.properties.id !== 'PAK';
          },
        }).addTo(map);
      })
      .catch(function () {
        // The circles still show without outlines.
      });

    var dots = L.layerGroup().addTo(map);
    var sep = figure.dataset.sep || ', ';

    function draw() {
      dots.clearLayers();
      var zoom = map.getZoom();
      var cells = new Map();
      places.forEach(function (p) {
        var pt = map.project([p.lat, p.lon], zoom);
        var key = Math.floor(pt.x / CELL) + ':' + Math.floor(pt.y / CELL);
        var c = cells.get(key);
        if (!c) {
          c = { count: 0, lat: 0, lon: 0, names: [] };
          cells.set(key, c);
        }
        c.count += p.count;
        c.lat += p.lat * p.count;
        c.lon += p.lon * p.count;
        c.names.push(p.name);
      });
      var groups = Array.from(cells.values());
      var max = groups.reduce(function (m, g) {
        return Math.max(m, g.count);
      }, 1);
      groups.forEach(function (g) {
        var d = Math.round(Math.max(MIN_D, MAX_D * Math.sqrt(g.count / max)));
        var label = g.names.length > 3 ? g.names.slice(0, 3).join(sep) + '…' : g.names.join(sep);
        var marker = L.marker([g.lat / g.count, g.lon / g.count], {
          icon: L.divIcon({
            className: 'map-dot',
            html: '<span class="map-dot__count">' + g.count + '</span>',
            iconSize: [d, d],
          }),
          title: label + ': ' + g.count,
          keyboard: true,
          // Small circles above big ones, so every number can be read and clicked.
          zIndexOffset: -d * 20,
        });
        marker.bindTooltip(label, { direction: 'top', offset: [0, -d / 2] });
        if (g.names.length > 1) {
          marker.on('click', function () {
            map.setView(marker.getLatLng(), Math.min(zoom + 2, map.getMaxZoom()));
          });
        }
        dots.addLayer(marker);
      });
      box.dataset.zoom = String(zoom);
    }

    map.on('zoomend', draw);
    draw();
  }
})();
