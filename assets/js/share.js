// Story pages: the "copy link" button beside the story's address. Without JavaScript the
// button stays hidden and the address can be selected and copied by hand.
(function () {
  "use strict";
  var button = document.querySelector("button[data-copy]");
  if (!button || !navigator.clipboard) {
    return;
  }
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = document.querySelector(".share__status");
  if (!field) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(
      function () {
        if (status) {
          status.textContent = button.getAttribute("data-copied");
        }
      },
      function () {
        field.focus();
        field.select();
      }
    );
  });
})();
