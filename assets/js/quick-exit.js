// Quick exit: leave the site at once for an ordinary page of another site (the configured
// `[server] exit_url`), replacing this page in the history so the Back button does not
// return to it. Works without this script too: the link in the header is a plain link to
// that page (rel="noreferrer", so it is not told where she came from); this adds the
// keyboard shortcuts and the history replacement. The address is read from the link, so
// the script needs no configuration of its own. Loaded as an external file with `defer`
// (the CSP forbids inline scripts).
//
// Keys, and why:
// - Escape leaves, also while typing in a form field. Someone who needs the quick exit is
//   most likely typing when the person they fear walks in; a shortcut that first asks them
//   to leave the field would fail exactly then. The price is that an accidental Escape
//   loses what was typed on the page, and we accept it. Two cases are left alone because
//   there Escape means something else to the person pressing it: while an input method is
//   composing a word (`isComposing`: Escape cancels the composition, and many Urdu
//   keyboards compose), and when a script of ours has already handled that Escape
//   (`defaultPrevented`: a typeahead closing its list must call preventDefault). Whether a
//   native <select> list is open cannot be seen from a page: where the browser lets the
//   Escape that closes it through to the page, that Escape leaves too (the choices made on
//   the page are lost, the same price as above).
// - Shift pressed three times in a row (within SHIFT_WINDOW_MS, with no other key between)
//   leaves too. Any other key resets the count: Shift is pressed constantly while typing
//   Urdu on a phonetic keyboard and capitals in English, and only an unbroken run of bare
//   Shift presses is a deliberate signal. Held-down repeats do not count.
(function () {
  "use strict";

  // The link's own address; /exit (which redirects to it) on a page without the link.
  var FALLBACK_URL = "/exit";
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 1500;
  var shiftTimes = [];
  var leaving = false;

  function leave() {
    if (leaving) {
      return;
    }
    leaving = true;
    var link = document.querySelector("a.quick-exit[href]");
    window.location.replace(link ? link.href : FALLBACK_URL);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      shiftTimes = [];
      if (!event.isComposing && event.keyCode !== 229 && !event.defaultPrevented) {
        leave();
      }
      return;
    }
    if (event.key !== "Shift") {
      shiftTimes = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (t) {
      return now - t <= SHIFT_WINDOW_MS;
    });
    shiftTimes.push(now);
    if (shiftTimes.length >= SHIFT_PRESSES) {
      leave();
    }
  });

  // Mouse buttons do not count as "another key" but a click in between is not an unbroken
  // run of presses either.
  document.addEventListener("pointerdown", function () {
    shiftTimes = [];
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
