/* Rating widget: saves without reloading the page and announces the result.
   Without this script the form posts and the page comes back with a notice. */
(function () {
    "use strict";
    if (window.kazanRatingWidget) { return; }
    window.kazanRatingWidget = true;

    function focusAfterSwap(widget, score) {
        var radio = widget.querySelector('input[name="score"][value="' + score + '"]') ||
            widget.querySelector('input[name="score"]');
        (radio || widget).focus();
    }

    function announce(widget, message) {
        var status = widget.querySelector("[data-rating-status]");
        if (!status) { return; }
        status.hidden = false;
        // Emptied first so that the same words twice are announced twice.
        status.textContent = "";
        window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function swapBody(widget, html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-rating-body]");
        var body = widget.querySelector("[data-rating-body]");
        if (fresh && body) { body.replaceWith(fresh); }
    }

    function submit(form, submitter) {
        var widget = form.closest("[data-rating]");
        var data = new FormData(form);
        if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
        var checked = form.querySelector('input[name="score"]:checked');
        var score = checked ? checked.value : "";
        form.setAttribute("aria-busy", "true");
        fetch(form.action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "Accept": "application/json", "X-Requested-With": "XMLHttpRequest" }
        }).then(function (response) {
            return response.json().then(function (payload) { return payload; });
        }).then(function (payload) {
            if (payload.html) { swapBody(widget, payload.html); }
            else { form.removeAttribute("aria-busy"); }
            announce(widget, payload.message || "");
            focusAfterSwap(widget, score);
        }).catch(function () {
            // Offline or an unreadable answer: post the form the ordinary way.
            form.removeAttribute("aria-busy");
            form.dataset.ratingPlain = "1";
            if (submitter && submitter.name === "remove") { submitter.click(); }
            else { form.submit(); }
        });
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches || !form.matches("[data-rating-form]") || form.dataset.ratingPlain) { return; }
        event.preventDefault();
        submit(form, event.submitter);
    });

    // Enter on a star saves it, as the button would.
    document.addEventListener("keydown", function (event) {
        var radio = event.target;
        if (event.key !== "Enter" || !radio.matches || !radio.matches("[data-rating-form] input[name='score']")) { return; }
        event.preventDefault();
        var form = radio.form;
        var save = form.querySelector("button[name='save']");
        if (form.requestSubmit) { form.requestSubmit(save || undefined); }
        else { submit(form, save); }
    });
}());
