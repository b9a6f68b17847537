// Proof of work for anonymous forms during a flood (see crates/naqsha/src/abuse/pow.rs).
//
// A form that needs it carries data-pow-challenge="p1.<id>.<bits>.<expires>.<tag>". As soon
// as the page loads, this script looks for a decimal counter such that
// SHA-256(challenge + ":" + counter) starts with <bits> zero bits, in a Web Worker (this same
// file) or, if workers are unavailable, in the page; then it fills the hidden inputs
// pow_challenge and pow_solution (creating them if the form has none). If the survivor
// submits before it is done, submission waits for the answer, at most MAX_WAIT_MS, then goes
// ahead without it. Without JavaScript, or without crypto.subtle, the form submits as usual
// and the server marks the report for the moderators' attention.
//
// Loaded as an external script with `defer` (the CSP forbids inline scripts); no eval. Under
// Node, `require` returns { solve, leadingZeroBits, difficultyOf } for tests.
(function () {
  "use strict";

  var BATCH = 64;
  var MAX_WAIT_MS = 20000;
  var CHALLENGE_FIELD = "pow_challenge";
  var SOLUTION_FIELD = "pow_solution";

  function leadingZeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (b === 0) {
        bits += 8;
        continue;
      }
      while ((b & 0x80) === 0) {
        bits += 1;
        b <<= 1;
      }
      break;
    }
    return bits;
  }

  // The difficulty written in a challenge, or null if it is not one.
  function difficultyOf(challenge) {
    var parts = String(challenge).split(".");
    if (parts.length !== 5 || parts[0] !== "p1" || !/^[0-9]{1,2}$/.test(parts[2])) {
      return null;
    }
    var bits = parseInt(parts[2], 10);
    return bits >= 1 && bits <= 32 ? bits : null;
  }

  // Resolves to the first counter (as a decimal string) that solves the challenge. Hashes
  // BATCH candidates at a time: crypto.subtle is asynchronous and costs far more per call
  // than per byte, so keeping many calls in flight is what makes it fast enough.
  async function solve(challenge) {
    var subtle = globalThis.crypto && globalThis.crypto.subtle;
    var bits = difficultyOf(challenge);
    if (!subtle) {
      throw new Error("crypto.subtle is not available");
    }
    if (bits === null) {
      throw new Error("not a proof-of-work challenge");
    }
    var encoder = new TextEncoder();
    var prefix = challenge + ":";
    for (var start = 0; start < Number.MAX_SAFE_INTEGER; start += BATCH) {
      var jobs = [];
      for (var i = 0; i < BATCH; i++) {
        jobs.push(subtle.digest("SHA-256", encoder.encode(prefix + (start + i))));
      }
      var hashes = await Promise.all(jobs);
      for (var j = 0; j < hashes.length; j++) {
        if (leadingZeroBits(new Uint8Array(hashes[j])) >= bits) {
          return String(start + j);
        }
      }
    }
    throw new Error("no solution");
  }

  // Node (tests): export the solver and do nothing else.
  if (typeof module === "object" && module && module.exports) {
    module.exports = { solve: solve, leadingZeroBits: leadingZeroBits, difficultyOf: difficultyOf };
    return;
  }

  // Inside the worker started below: solve what the page sends.
  if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
    self.onmessage = function (event) {
      var challenge = event.data && event.data.challenge;
      solve(challenge).then(
        function (solution) {
          self.postMessage({ solution: solution });
        },
        function (error) {
          self.postMessage({ error: String(error) });
        }
      );
    };
    return;
  }

  if (typeof document === "undefined") {
    return;
  }

  var scriptUrl = document.currentScript ? document.currentScript.src : "";

  function solveInWorker(challenge) {
    return new Promise(function (resolve, reject) {
      if (!scriptUrl || typeof Worker === "undefined") {
        reject(new Error("no worker"));
        return;
      }
      var worker;
      try {
        worker = new Worker(scriptUrl);
      } catch (error) {
        reject(error);
        return;
      }
      worker.onmessage = function (event) {
        worker.terminate();
        if (event.data && typeof event.data.solution === "string") {
          resolve(event.data.solution);
        } else {
          reject(new Error(event.data && event.data.error));
        }
      };
      worker.onerror = function (event) {
        event.preventDefault();
        worker.terminate();
        reject(new Error("worker failed"));
      };
      worker.postMessage({ challenge: challenge });
    });
  }

  function solveAnywhere(challenge) {
    return solveInWorker(challenge).catch(function () {
      return solve(challenge);
    });
  }

  function hiddenInput(form, name) {
    var input = form.querySelector('input[name="' + name + '"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.appendChild(input);
    }
    return input;
  }

  function wait(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  }

  function protect(form) {
    var challenge = form.getAttribute("data-pow-challenge");
    if (difficultyOf(challenge) === null) {
      return;
    }
    var settled = false;
    var submitting = false;
    var work = solveAnywhere(challenge).then(
      function (solution) {
        hiddenInput(form, CHALLENGE_FIELD).value = challenge;
        hiddenInput(form, SOLUTION_FIELD).value = solution;
      },
      function () {
        // No solution: the form goes without one and the report is flagged instead.
      }
    );
    work.then(function () {
      settled = true;
    });

    form.addEventListener("submit", function (event) {
      if (settled) {
        return;
      }
      event.preventDefault();
      if (submitting) {
        return;
      }
      submitting = true;
      var submitter = event.submitter || null;
      form.setAttribute("aria-busy", "true");
      Promise.race([work, wait(MAX_WAIT_MS)]).then(function () {
        settled = true;
        form.removeAttribute("aria-busy");
        if (typeof form.requestSubmit === "function") {
          if (submitter) {
            form.requestSubmit(submitter);
          } else {
            form.requestSubmit();
          }
        } else {
          form.submit();
        }
      });
    });
  }

  function start() {
    var forms = document.querySelectorAll("form[data-pow-challenge]");
    for (var i = 0; i < forms.length; i++) {
      protect(forms[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
