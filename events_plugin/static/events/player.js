/*
 * The player page (events/player/player.html), made smoother where JavaScript runs:
 * the transcript box opens on the line being played, and for a recording kept on
 * this site the chapter and transcript links move the video instead of reloading
 * the page, and the line being spoken stays marked. Without this file every link
 * still works: it reloads the page at that moment.
 * Plain ES5: many visitors use old phones and browsers.
 */
(function () {
  "use strict";

  var CURRENT = "player__cue--current";

  function showInBox(line) {
    var box = line && line.parentNode;
    if (!box || box.scrollHeight <= box.clientHeight) {
      return;
    }
    // Scroll only the transcript box, so the video stays where the visitor sees it.
    box.scrollTop = line.offsetTop - box.clientHeight / 3;
  }

  function lines() {
    return document.querySelectorAll(".player__cue");
  }

  function mark(seconds) {
    var all = lines();
    var current = null;
    for (var i = 0; i < all.length; i += 1) {
      var link = all[i].querySelector("[data-player-seek]");
      if (link && Number(link.getAttribute("data-player-seek")) <= seconds) {
        current = all[i];
      }
    }
    for (var j = 0; j < all.length; j += 1) {
      if (all[j] === current) {
        all[j].classList.add(CURRENT);
        all[j].setAttribute("aria-current", "time");
      } else {
        all[j].classList.remove(CURRENT);
        all[j].removeAttribute("aria-current");
      }
    }
    return current;
  }

  function start() {
    var box = document.querySelector(".player__cues");
    var current = document.querySelector("." + CURRENT);
    if (current && !window.location.hash) {
      showInBox(current);
    }
    var media = document.querySelector("[data-player-media]");
    if (!media || !box) {
      return;
    }
    var shown = current;
    media.addEventListener("timeupdate", function () {
      var line = mark(media.currentTime);
      // Follow the speech unless the visitor is reading or choosing in the box.
      if (line && line !== shown && !box.contains(document.activeElement)) {
        showInBox(line);
      }
      shown = line;
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("[data-player-seek]") : null;
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) {
        return;
      }
      event.preventDefault();
      var seconds = Number(link.getAttribute("data-player-seek")) || 0;
      media.currentTime = seconds;
      var playing = media.play();
      if (playing && playing.catch) {
        playing.catch(function () {});
      }
      mark(seconds);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", link.getAttribute("href").split("#")[0]);
      }
      media.focus();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
