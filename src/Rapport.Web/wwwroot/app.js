// Confirms destructive actions: any form with data-confirm asks before it is sent.
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

// A form marked data-busy says it is working while its request runs (an import of a large file takes a while): the
// message of the button that sent it (data-busy-<value>) or the form's, in its [data-busy-status] element. Buttons are
// not disabled, which would drop the sending button's value from the request; the page that comes back replaces all
// (for an import's check or commit, the first part of a streamed answer, with a progress bar that then moves).
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.busy || event.defaultPrevented) {
        return;
    }

    const value = event.submitter instanceof HTMLButtonElement ? event.submitter.value : "";
    const message = (value && form.getAttribute(`data-busy-${value}`)) || form.dataset.busy;
    const status = form.querySelector("[data-busy-status]");
    if (status) {
        status.textContent = message;
    }

    form.setAttribute("aria-busy", "true");
});

// Ctrl+Enter (or Cmd+Enter) sends a form marked data-ctrl-enter from any of its fields, textareas included.
document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) {
        return;
    }

    const form = event.target instanceof Element ? event.target.closest("form[data-ctrl-enter]") : null;
    if (form) {
        event.preventDefault();
        form.requestSubmit();
    }
});

// "g then l" or Alt+L logs an interaction: it follows the page's own "log interaction" link when the page has one
// (the account on screen is then filled in), else the one in the top bar, which only users of the client base have.
// Keys are matched by position (event.code), so the shortcut also works with a Cyrillic keyboard layout.
let awaitingSecondKey = 0;
document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement
        && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    const plain = !typing && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    const altL = event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyL";
    const gThenL = plain && event.code === "KeyL" && Date.now() - awaitingSecondKey < 1500;
    awaitingSecondKey = plain && event.code === "KeyG" ? Date.now() : 0;
    if (!altL && !gThenL) {
        return;
    }

    const link = document.querySelector("main a[data-log-interaction]") ?? document.querySelector("a[data-log-interaction]");
    if (link instanceof HTMLAnchorElement) {
        event.preventDefault();
        link.click();
    }
});

// A page swapped in by enhanced navigation gets no autofocus from the browser, and the router focuses its heading:
// where the page names a first field (autofocus), typing goes there, as it does on a full page load.
function focusFirstField() {
    const field = document.querySelector("main [autofocus]");
    if (field instanceof HTMLElement && document.activeElement !== field) {
        field.focus();
    }
}

if (window.Blazor) {
    window.Blazor.addEventListener("enhancedload", () => requestAnimationFrame(focusFirstField));
}

// "Someone else of ours": the box's datalist is filled with colleagues whose names match the last name being typed
// (names are separated by commas). Without script the server resolves what was typed.
let colleagueTimer;
document.addEventListener("input", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.colleagues || !input.list) {
        return;
    }

    clearTimeout(colleagueTimer);
    colleagueTimer = setTimeout(async () => {
        const parts = input.value.split(/[,;]/);
        const typed = parts.pop().trim();
        const before = parts.map((p) => p.trim()).filter((p) => p.length > 0);
        if (typed.length < 2) {
            input.list.replaceChildren();
            return;
        }

        const response = await fetch(`${input.dataset.colleagues}?q=${encodeURIComponent(typed)}`, { headers: { Accept: "application/json" } });
        if (!response.ok) {
            return;
        }

        const names = await response.json();
        input.list.replaceChildren(...names.map((name) => {
            const option = document.createElement("option");
            option.value = [...before, name].join(", ");
            return option;
        }));
    }, 150);
});

// In a filter form (data-autosubmit) a colleague picked from the suggestions applies at once, as a changed choice does.
document.addEventListener("input", (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.dataset.colleagues && input.list && input.form?.hasAttribute("data-autosubmit")
        && [...input.list.options].some((option) => option.value === input.value)) {
        input.form.requestSubmit();
    }
});

// A filter form marked data-autosubmit applies a changed choice at once; typed text applies on Enter, as before.
document.addEventListener("change", (event) => {
    const field = event.target;
    const form = field instanceof HTMLElement ? field.closest("form[data-autosubmit]") : null;
    if (form && (field instanceof HTMLSelectElement || (field instanceof HTMLInputElement && field.type === "checkbox"))) {
        form.requestSubmit();
    }
});

// On a phone a list's rows stack, each cell named by its column: cells take the name from their column's header,
// so every list gets it without repeating the headers in the page (the account list also names them itself).
function labelTableCells() {
    for (const table of document.querySelectorAll(".table-wrap > table:not(.matrix):not(.heatmap):not(.stack)")) {
        const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
        if (headers.length === 0) {
            continue;
        }

        for (const row of table.querySelectorAll("tbody tr")) {
            [...row.children].forEach((cell, i) => {
                if (!cell.hasAttribute("data-label") && headers[i]) {
                    cell.setAttribute("data-label", headers[i]);
                }
            });
        }

        table.classList.add("stack");
    }
}

labelTableCells();
if (window.Blazor) {
    window.Blazor.addEventListener("enhancedload", labelTableCells);
}

// The pipeline board. The page has one move form; without script a card's "Move" is a link to the board with the form
// in that card. With script "Move" places the form in the card, filled in with the card's deal and version and
// offering every stage but the card's own; a card can be dragged onto a column, which does the same, chooses that
// column's stage and sends the form; Won and Lost first wait for the close date or the reason, which the user gives
// and sends. The form shows the Won or Lost field only for that choice.
function boardFormKind(form) {
    const option = form.querySelector("select[name=stage]")?.selectedOptions[0];
    form.dataset.kind = option?.dataset.kind ?? "Open";
}

function prepareBoard() {
    for (const form of document.querySelectorAll("form.board-move")) {
        boardFormKind(form);
    }
}

prepareBoard();
if (window.Blazor) {
    window.Blazor.addEventListener("enhancedload", prepareBoard);
}

document.addEventListener("change", (event) => {
    const form = event.target instanceof HTMLSelectElement && event.target.name === "stage" ? event.target.closest("form.board-move") : null;
    if (form) {
        boardFormKind(form);
    }
});

// Puts the board's move form into the card, for its deal, and returns it (null when the page has none).
function openMoveForm(card) {
    const form = document.getElementById("board-move");
    if (!form) {
        return null;
    }

    const previous = form.closest(".board-card");
    previous?.querySelector("[data-move]")?.removeAttribute("hidden");
    card.querySelector("[data-move]")?.setAttribute("hidden", "");
    card.appendChild(form);
    form.querySelectorAll(".validation-message").forEach((m) => m.remove());
    form.elements.deal.value = card.dataset.deal;
    form.elements.version.value = card.dataset.version;
    const current = card.closest(".board-column")?.dataset.stage;
    const select = form.elements.stage;
    for (const option of select.options) {
        option.disabled = option.hidden = option.value === current;
    }

    if (previous !== card || select.selectedOptions[0]?.disabled) {
        select.value = [...select.options].find((o) => !o.disabled)?.value ?? "";
    }

    boardFormKind(form);
    return form;
}

// "Move" chosen: the form opens in the card at the stage list, instead of following the link.
function openFromMoveLink(event) {
    const link = event.target instanceof Element ? event.target.closest(".board-card [data-move]") : null;
    if (link) {
        event.preventDefault();
        openMoveForm(link.closest(".board-card"))?.elements.stage.focus();
    }
}

document.addEventListener("click", openFromMoveLink);

// Enter on "Move" opens the form at its keydown and cancels the key's default: otherwise the browser would deliver
// the same key's keypress to the stage list that now has the focus, and a list sends its form on Enter.
document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.repeat) {
        openFromMoveLink(event);
    }
});

let draggedCard = null;
document.addEventListener("dragstart", (event) => {
    const card = event.target instanceof Element ? event.target.closest(".board-card[data-movable]") : null;
    if (!card) {
        return;
    }

    draggedCard = card;
    event.dataTransfer.setData("text/plain", card.dataset.deal);
    event.dataTransfer.effectAllowed = "move";
    card.classList.add("dragging");
});

document.addEventListener("dragend", () => {
    draggedCard?.classList.remove("dragging");
    draggedCard = null;
    document.querySelectorAll(".board-column.drop-target").forEach((c) => c.classList.remove("drop-target"));
});

function dropColumn(event) {
    const column = event.target instanceof Element ? event.target.closest(".board-column[data-stage]") : null;
    return column && draggedCard && draggedCard.closest(".board-column") !== column ? column : null;
}

document.addEventListener("dragover", (event) => {
    const column = dropColumn(event);
    if (column) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        document.querySelectorAll(".board-column.drop-target").forEach((c) => c !== column && c.classList.remove("drop-target"));
        column.classList.add("drop-target");
    }
});

document.addEventListener("drop", (event) => {
    const column = dropColumn(event);
    if (!column) {
        return;
    }

    event.preventDefault();
    const form = openMoveForm(draggedCard);
    if (!form) {
        return;
    }

    form.elements.stage.value = column.dataset.stage;
    boardFormKind(form);
    if (column.dataset.kind === "Open") {
        form.requestSubmit();
        return;
    }

    // Won needs the close date and Lost the reason: the form waits in the card at that field.
    (column.dataset.kind === "Won" ? form.elements.closedOn : form.elements.lostReasonId).focus();
});

// A button marked data-print prints the page (a statement), with the print stylesheet's layout.
document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-print]")) {
        window.print();
    }
});
