// The report form's file button: the <input type=file> is hidden visually and its <label> is
// drawn as a button in the page's language, so the browser no longer shows which files were
// chosen. This writes their names under the button. Without JavaScript the button still
// works; only the list of names is missing.
(function () {
  'use strict';
  var input = document.getElementById('evidence');
  var names = document.getElementById('evidence-names');
  if (!input || !names) {
    return;
  }
  function show() {
    var list = [];
    for (var i = 0; i < input.files.length; i++) {
      list.push(input.files[i].name);
    }
    names.textContent = list.length ? list.join(document.documentElement.dir === 'rtl' ? '، ' : ', ') : names.getAttribute('data-none');
    names.hidden = false;
  }
  input.addEventListener('change', show);
  show();
})();
