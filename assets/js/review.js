// The review screen, enhanced. The page works without this script (radios decide each
// suggestion, a typed phrase adds marks, buttons save); this adds:
// - a click on a highlighted suggestion in the raw text toggles redact/keep;
// - selecting words in the raw text and pressing "Mark selection" (or the m key) adds a
//   mark of the kind chosen in the kind list. Browser selections count UTF-16 units; the
//   server counts characters (code points), so offsets are converted here;
// - keys on a focused suggestion: a redacts, r keeps; Ctrl+Enter (Cmd+Enter) saves.
// Loaded with `defer` from its own file (the CSP forbids inline scripts).
(function () {
  "use strict";

  var form = document.getElementById("review-form");
  var raw = document.getElementById("raw-text");
  if (!form || !raw) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (el) {
    el.hidden = false;
  });

  function codePoints(text) {
    return Array.from(text).length;
  }

  // Characters of the stored text inside a range of the raw text. A character that hides
  // (a bidi control, a zero-width character) is shown as a marker such as "⟨U+202E⟩",
  // which stands for one stored character.
  function storedLength(range) {
    var copy = range.cloneContents();
    Array.prototype.forEach.call(copy.querySelectorAll(".hidden-char"), function (marker) {
      marker.textContent = "x";
    });
    return codePoints(copy.textContent);
  }

  function decide(index, value) {
    var radio = form.querySelector(
      'input[name="decision-' + index + '"][value="' + value + '"]'
    );
    if (!radio) {
      return;
    }
    radio.checked = true;
    Array.prototype.forEach.call(
      raw.querySelectorAll('mark[data-suggestion="' + index + '"]'),
      function (m) {
        m.classList.toggle("rejected", value === "reject");
      }
    );
  }

  function current(index) {
    var accept = form.querySelector(
      'input[name="decision-' + index + '"][value="accept"]'
    );
    return accept && accept.checked ? "accept" : "reject";
  }

  raw.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-suggestion]");
    if (!mark) {
      return;
    }
    var index = mark.getAttribute("data-suggestion");
    decide(index, current(index) === "accept" ? "reject" : "accept");
    var item = document.getElementById("suggestion-" + index);
    if (item) {
      item.focus();
    }
  });

  form.addEventListener("change", function (event) {
    var name = event.target.name || "";
    if (name.indexOf("decision-") === 0) {
      decide(name.slice("decision-".length), event.target.value);
    }
  });

  // The selection inside the raw text as character offsets, or null.
  function selectedOffsets() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return null;
    }
    var range = selection.getRangeAt(0);
    if (!raw.contains(range.startContainer) || !raw.contains(range.endContainer)) {
      return null;
    }
    var before = document.createRange();
    before.setStart(raw, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var start = storedLength(before);
    var text = range.toString();
    return { start: start, end: start + storedLength(range), text: text, range: range };
  }

  function markSelection() {
    var sel = selectedOffsets();
    if (!sel || sel.text.trim() === "") {
      return;
    }
    var kindSelect = document.getElementById("mark_kind");
    var kind = kindSelect ? kindSelect.value : "name";
    var kindLabel = kindSelect ? kindSelect.options[kindSelect.selectedIndex].text : kind;
    var list = document.getElementById("added-list");
    var item = document.createElement("li");
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = "added";
    box.value = sel.start + ":" + sel.end + ":" + kind;
    box.checked = true;
    var quote = document.createElement("q");
    quote.textContent = sel.text;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + kindLabel + ": "));
    label.appendChild(quote);
    item.appendChild(label);
    list.appendChild(item);
    try {
      var mark = document.createElement("mark");
      mark.className = "added";
      sel.range.surroundContents(mark);
    } catch (e) {
      // A selection across highlights cannot be wrapped; it is listed all the same.
    }
    window.getSelection().removeAllRanges();
  }

  var button = document.getElementById("mark-selection");
  if (button) {
    button.addEventListener("click", markSelection);
  }

  function typing(target) {
    var tag = target.tagName;
    return tag === "TEXTAREA" || tag === "SELECT" ||
      (tag === "INPUT" && target.type !== "radio" && target.type !== "checkbox") ||
      target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var save = form.querySelector('button[name="action"][value="save"]');
      if (save) {
        event.preventDefault();
        if (form.requestSubmit) {
          form.requestSubmit(save);
        } else {
          save.click();
        }
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing ||
        typing(event.target)) {
      return;
    }
    var key = event.key.toLowerCase();
    if (key === "m") {
      markSelection();
      return;
    }
    var item = event.target.closest ? event.target.closest(".suggestion") : null;
    if (!item) {
      return;
    }
    var index = item.getAttribute("data-suggestion");
    if (key === "a") {
      decide(index, "accept");
      event.preventDefault();
    } else if (key === "r") {
      decide(index, "reject");
      event.preventDefault();
    } else if (key === "j" || key === "k") {
      var next = key === "j" ? item.nextElementSibling : item.previousElementSibling;
      if (next) {
        next.focus();
        event.preventDefault();
      }
    }
  });
})();
