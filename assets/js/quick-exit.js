// Quick exit: leave the site at once for a neutral page, replacing this page in the history
// so the Back button does not return to it. Works without this script too: the link in the
// header is a plain link to /exit; this adds the keyboard shortcuts and the history
// replacement. Loaded as an external file with `defer` (the CSP forbids inline scripts).
(function () {
  "use strict";

  var EXIT_URL = "/exit";
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 1500;
  var shiftTimes = [];

  function leave() {
    window.location.replace(EXIT_URL);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      leave();
      return;
    }
    if (event.key === "Shift" && !event.repeat) {
      var now = Date.now();
      shiftTimes.push(now);
      shiftTimes = shiftTimes.filter(function (t) {
        return now - t <= SHIFT_WINDOW_MS;
      });
      if (shiftTimes.length >= SHIFT_PRESSES) {
        leave();
      }
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a.quick-exit") : null;
    if (link && !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey) {
      event.preventDefault();
      leave();
    }
  });
})();
