/*
 * Votes on a Q&A interview's questions (events/includes/questions.html) without
 * reloading the page: the form is sent in the background, the count and the
 * button change in place and the outcome is read out by the status region.
 * Without this file the same forms post and come back to the page.
 * Plain ES5: many visitors use old phones and browsers.
 */
(function () {
  "use strict";

  function announce(text) {
    var status = document.querySelector("[data-questions-status]");
    if (status) {
      status.textContent = "";
      var line = document.createElement("p");
      line.className = "notice questions__message";
      line.textContent = text;
      status.appendChild(line);
    }
  }

  function update(form, answer) {
    var item = form.parentNode;
    var count = item.querySelector("[data-question-votes]");
    if (count && answer.votes_text) {
      count.textContent = answer.votes_text;
    }
    var button = form.querySelector("button[type=submit]");
    var note = form.querySelector("[data-question-voted]");
    if (answer.voted) {
      form.action = form.getAttribute("data-unvote-url");
      button.textContent = form.getAttribute("data-unvote-label");
      button.className = button.className.replace("button--primary", "button--secondary");
      if (!note) {
        note = document.createElement("p");
        note.className = "questions__voted";
        note.setAttribute("data-question-voted", "");
        note.textContent = form.getAttribute("data-voted-text");
        form.insertBefore(note, button);
      }
    } else {
      form.action = form.getAttribute("data-vote-url");
      button.textContent = form.getAttribute("data-vote-label");
      button.className = button.className.replace("button--secondary", "button--primary");
      if (note) {
        note.parentNode.removeChild(note);
      }
    }
  }

  function send(event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-question-vote")) {
      return;
    }
    if (!window.XMLHttpRequest || !window.FormData || !window.JSON) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      button.disabled = false;
      var answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (error) {
        form.submit();
        return;
      }
      if (answer.ok) {
        update(form, answer);
      }
      announce(answer.message);
      button.focus();
    };
    request.onerror = function () {
      button.disabled = false;
      form.submit();
    };
    request.send(new FormData(form));
  }

  document.addEventListener("submit", send);
})();
