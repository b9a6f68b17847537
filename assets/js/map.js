// The interactive map: replaces the server-rendered SVG map (figure.map) with a Leaflet map
// drawn from the same data. The circles are read from the SVG itself (one <g class="map__dot">
// per place, its centre in map units that data-frame turns back into degrees, its published
// count in data-count: a number rounded to 5, or "<3" for one or two cases, never the exact
// figure), so the interactive map shows exactly what the page without JavaScript shows; the
// outlines come from /map/outlines.geojson (served by Naqsha, cached). The view is fitted to
// the circles. At each zoom, circles whose boxes would touch are merged, again and again
// until none does, so no two markers ever overlap; a merged circle's count is the published
// rule applied to the sum of its places' published counts (a withheld place counted as one,
// and never "fewer than 3" for more than one place), so it too is a multiple of 5. A lone place
// with fewer than 3 cases is a hollow circle with no number, as on the SVG map.
//
// Requires Leaflet (assets/vendor/leaflet, loaded with defer before this file). Without it,
// or without JavaScript, the SVG map stays.
(function () {
  'use strict';

  var LEAFLET_CSS = '/assets/vendor/leaflet/leaflet.a78371028241.css';
  var MIN_D = 28; // px: smallest circle, big enough for its number and a tap
  var MAX_D = 72; // px: the circle of every case on the map together
  var GAP = 3; // px kept between markers
  var FONT = '700 13px "Noto Sans", sans-serif';
  var PAKISTAN = [[23.6, 60.8], [37.1, 77.9]];
  var SMALL_CELL = 3;
  var ROUNDING = 5;

  var figure = document.querySelector('figure.map');
  if (!figure || !window.L || !figure.dataset.frame) return;
  var svg = figure.querySelector('svg.map__svg');
  if (!svg) return;

  var frame = figure.dataset.frame.split(' ').map(Number);
  var west = frame[0], north = frame[1], kx = frame[2], ky = frame[3];
  var places = Array.prototype.map.call(svg.querySelectorAll('.map__dot'), function (g) {
    var c = g.querySelector('circle');
    var shown = g.dataset.count || '';
    var withheld = !/^[0-9]+$/.test(shown);
    return {
      name: g.dataset.name,
      withheld: withheld,
      value: withheld ? 0 : Number(shown),
      weight: Number(g.dataset.weight) || 1,
      lat: north - Number(c.getAttribute('cy')) / ky,
      lon: west + Number(c.getAttribute('cx')) / kx,
    };
  });
  var fewer = figure.dataset.fewer || '<3';
  var totalWeight = places.reduce(function (s, p) {
    return s + p.weight;
  }, 0) || 1;

  // The count written on a group: the published rule applied to its places' published counts.
  function groupText(members) {
    var estimate = members.reduce(function (s, p) {
      return s + (p.withheld ? 1 : p.value);
    }, 0);
    // Two places of "fewer than 3" may hold up to four cases: never "fewer than 3" together.
    if (members.length > 1) estimate = Math.max(estimate, SMALL_CELL);
    if (estimate === 0) return '0';
    if (estimate < SMALL_CELL) return fewer;
    return String(Math.max(ROUNDING, Math.round(estimate / ROUNDING) * ROUNDING));
  }

  var measure = document.createElement('canvas').getContext('2d');
  function textWidth(text) {
    if (!measure) return text.length * 9;
    measure.font = FONT;
    return measure.measureText(text).width;
  }

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
    // The view fits the circles (a single place is not zoomed in further than a district).
    var bounds = places.length
      ? L.latLngBounds(places.map(function (p) {
          return [p.lat, p.lon];
        }))
      : L.latLngBounds(PAKISTAN);
    var pad = MAX_D / 2 + GAP;
    map.fitBounds(bounds, { padding: [pad, pad], maxZoom: 7 });

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

    // A group of places at the current zoom: its size in pixels from its weight and text.
    function sized(g) {
      g.text = groupText(g.members);
      var weight = g.members.reduce(function (s, p) {
        return s + p.weight;
      }, 0);
      var d = Math.max(MIN_D, MAX_D * Math.sqrt(weight / totalWeight));
      // "Fewer than 3" is not written on the map: a hollow circle, its title says it.
      g.few = g.text === fewer;
      var tw = g.few ? 0 : textWidth(g.text) + 10;
      // A count wider than its circle gets a pill as wide as the text.
      g.w = Math.ceil(Math.max(d, tw));
      g.h = Math.ceil(d);
      return g;
    }

    function touching(a, b) {
      return (
        Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 * GAP &&
        Math.abs(a.y - b.y) * 2 < a.h + b.h + 2 * GAP
      );
    }

    // Places at this zoom, merged until no two markers' boxes touch.
    function groups(zoom) {
      var gs = places.map(function (p) {
        var pt = map.project([p.lat, p.lon], zoom);
        return sized({ members: [p], x: pt.x, y: pt.y });
      });
      var merged = true;
      while (merged) {
        merged = false;
        gs.sort(function (a, b) {
          return b.w * b.h - a.w * a.h;
        });
        for (var i = 0; i < gs.length && !merged; i++) {
          for (var j = i + 1; j < gs.length; j++) {
            if (!touching(gs[i], gs[j])) continue;
            var a = gs[i], b = gs[j];
            var wa = a.members.length, wb = b.members.length;
            var g = sized({
              members: a.members.concat(b.members),
              x: (a.x * wa + b.x * wb) / (wa + wb),
              y: (a.y * wa + b.y * wb) / (wa + wb),
            });
            gs.splice(j, 1);
            gs[i] = g;
            merged = true;
            break;
          }
        }
      }
      return gs;
    }

    function draw() {
      dots.clearLayers();
      var zoom = map.getZoom();
      groups(zoom).forEach(function (g) {
        var names = g.members.map(function (p) {
          return p.name;
        });
        var label = names.length > 3 ? names.slice(0, 3).join(sep) + '…' : names.join(sep);
        var latlng = map.unproject([g.x, g.y], zoom);
        var marker = L.marker(latlng, {
          icon: L.divIcon({
            className: 'map-dot' + (g.few ? ' map-dot--few' : ''),
            html: g.few ? '' : '<span class="map-dot__count">' + g.text + '</span>',
            iconSize: [g.w, g.h],
          }),
          title: label + ': ' + g.text,
          keyboard: true,
        });
        marker.bindTooltip(label + ': ' + g.text, { direction: 'top', offset: [0, -g.h / 2] });
        if (names.length > 1) {
          marker.on('click', function () {
            map.setView(latlng, Math.min(zoom + 2, map.getMaxZoom()));
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
