/* The archive's search field: suggestions of titles while typing.

   The WAI-ARIA combobox pattern (a list autocomplete): the field controls a
   listbox; arrows move through it, Enter opens the chosen recording, Escape
   closes the list (or empties the field when the list is closed). A polite live
   region says how many suggestions there are. Without this script the form is a
   plain search form. */
(function () {
    "use strict";

    var DELAY = 200;
    var MIN_LENGTH = 2;

    function isLocalUrl(url) {
        return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/";
    }

    function Autocomplete(root) {
        this.input = root.querySelector("input[data-suggest-url]");
        this.listbox = root.querySelector("[role=listbox]");
        this.status = root.querySelector("[data-autocomplete-status]");
        if (!this.input || !this.listbox || !this.status || !window.fetch) {
            return;
        }
        this.url = this.input.getAttribute("data-suggest-url");
        this.items = [];
        this.active = -1;
        this.timer = null;
        this.request = null;
        this.cache = {};
        this.lastQuery = null;

        var input = this.input;
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", this.listbox.id);

        input.addEventListener("input", this.onInput.bind(this));
        input.addEventListener("keydown", this.onKeyDown.bind(this));
        input.addEventListener("blur", this.onBlur.bind(this));
        // Keep the focus in the field when an option is pressed.
        this.listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        this.listbox.addEventListener("click", this.onClick.bind(this));
    }

    Autocomplete.prototype.onInput = function () {
        var self = this;
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(function () {
            self.fetch(self.input.value);
        }, DELAY);
    };

    Autocomplete.prototype.fetch = function (value) {
        var self = this;
        var query = value.replace(/\s+/g, " ").trim();
        if (query.length < MIN_LENGTH) {
            this.lastQuery = null;
            this.show([], "");
            return;
        }
        if (query === this.lastQuery && this.items.length) {
            this.open();
            return;
        }
        this.lastQuery = query;
        if (this.cache[query]) {
            this.show(this.cache[query].suggestions, this.cache[query].status);
            return;
        }
        if (this.request && window.AbortController) {
            this.request.abort();
        }
        this.request = window.AbortController ? new AbortController() : null;
        var url = this.url + "?q=" + encodeURIComponent(query);
        window.fetch(url, {
            headers: {Accept: "application/json"},
            signal: this.request ? this.request.signal : undefined
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("suggestions unavailable");
            }
            return response.json();
        }).then(function (data) {
            var suggestions = (data && data.suggestions) || [];
            self.cache[query] = {suggestions: suggestions, status: data.status || ""};
            // An answer to an older query is not shown.
            if (query === self.lastQuery) {
                self.show(suggestions, data.status || "");
            }
        }).catch(function () {
            // Suggestions are an aid: when they fail the form still searches.
        });
    };

    Autocomplete.prototype.show = function (suggestions, status) {
        var listbox = this.listbox;
        var baseId = listbox.id + "-option-";
        while (listbox.firstChild) {
            listbox.removeChild(listbox.firstChild);
        }
        this.items = suggestions.filter(function (item) {
            return item && isLocalUrl(item.url);
        });
        this.items.forEach(function (item, index) {
            var option = document.createElement("li");
            option.id = baseId + index;
            option.className = "archive-autocomplete__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-index", String(index));
            option.textContent = item.title;
            listbox.appendChild(option);
        });
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        if (this.items.length) {
            this.open();
        } else {
            this.close();
        }
        // Said once per answer, not on every key.
        if (this.status.textContent !== status) {
            this.status.textContent = status;
        }
    };

    Autocomplete.prototype.open = function () {
        if (!this.items.length) {
            return;
        }
        this.listbox.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
    };

    Autocomplete.prototype.close = function () {
        this.listbox.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
        this.input.removeAttribute("aria-activedescendant");
        this.setActive(-1);
    };

    Autocomplete.prototype.isOpen = function () {
        return !this.listbox.hidden;
    };

    Autocomplete.prototype.setActive = function (index) {
        var options = this.listbox.querySelectorAll("[role=option]");
        this.active = index;
        for (var i = 0; i < options.length; i += 1) {
            var selected = i === index;
            options[i].setAttribute("aria-selected", selected ? "true" : "false");
            if (selected) {
                this.input.setAttribute("aria-activedescendant", options[i].id);
                if (options[i].scrollIntoView) {
                    options[i].scrollIntoView({block: "nearest"});
                }
            }
        }
        if (index < 0) {
            this.input.removeAttribute("aria-activedescendant");
        }
    };

    Autocomplete.prototype.move = function (step) {
        var count = this.items.length;
        if (!count) {
            return;
        }
        if (!this.isOpen()) {
            this.open();
            this.setActive(step > 0 ? 0 : count - 1);
            return;
        }
        var next = this.active + step;
        if (next < 0) {
            next = count - 1;
        } else if (next >= count) {
            next = 0;
        }
        this.setActive(next);
    };

    Autocomplete.prototype.go = function (index) {
        var item = this.items[index];
        if (item) {
            window.location.assign(item.url);
        }
    };

    Autocomplete.prototype.onKeyDown = function (event) {
        switch (event.key) {
        case "ArrowDown":
        case "Down":
            event.preventDefault();
            this.move(1);
            break;
        case "ArrowUp":
        case "Up":
            event.preventDefault();
            this.move(-1);
            break;
        case "Enter":
            if (this.isOpen() && this.active >= 0) {
                event.preventDefault();
                this.go(this.active);
            }
            break;
        case "Escape":
        case "Esc":
            if (this.isOpen()) {
                event.preventDefault();
                this.close();
            } else if (this.input.value) {
                event.preventDefault();
                this.input.value = "";
                this.lastQuery = null;
                this.show([], "");
            }
            break;
        case "Tab":
            this.close();
            break;
        default:
            break;
        }
    };

    Autocomplete.prototype.onBlur = function () {
        this.close();
    };

    Autocomplete.prototype.onClick = function (event) {
        var option = event.target.closest ? event.target.closest("[role=option]") : null;
        if (option) {
            this.go(parseInt(option.getAttribute("data-index"), 10));
        }
    };

    function start() {
        var roots = document.querySelectorAll("[data-archive-autocomplete]");
        for (var i = 0; i < roots.length; i += 1) {
            new Autocomplete(roots[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
