/*
 * Click-to-load video players for the video block (blocks/templates/blocks/video.html).
 * Nothing is requested from the video service until the visitor presses play.
 * The block template includes this file once per video, so it guards against
 * running twice and listens on the document instead of on each button.
 * Plain ES5: many visitors use old phones and browsers.
 */
(function () {
  "use strict";

  if (window.__kazanVideo) {
    return;
  }
  window.__kazanVideo = true;

  function each(selector, callback) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i += 1) {
      callback(nodes[i]);
    }
  }

  // The play button only works with this script, so it starts hidden and the
  // plain title shown in its place is hidden once the button is usable.
  function enhance() {
    each("[data-video]", function (frame) {
      if (frame.getAttribute("data-video-ready")) {
        return;
      }
      frame.setAttribute("data-video-ready", "true");
      var button = frame.querySelector("[data-video-play]");
      var fallback = frame.querySelector("[data-video-nojs]");
      if (button) {
        button.hidden = false;
      }
      if (fallback) {
        fallback.hidden = true;
      }
    });
  }

  function play(frame) {
    var template = frame.querySelector("template[data-video-player]");
    var placeholder = frame.querySelector("[data-video-placeholder]");
    if (!template || !placeholder || !template.content) {
      return;
    }
    var player = template.content.querySelector("iframe");
    if (!player) {
      return;
    }
    player = document.importNode(player, true);
    placeholder.parentNode.replaceChild(player, placeholder);
    // Keyboard and screen reader users land in the player they asked for.
    player.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("[data-video-play]") : null;
    if (!button) {
      return;
    }
    var frame = button.closest("[data-video]");
    if (frame) {
      event.preventDefault();
      play(frame);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
