// Type-ahead for the global search box: asks /search/suggest as the user types and lists the hits as links, grouped
// by kind under a heading each, the matched part of each marked, and last a link to all results on the search page.
// Arrows move, Enter opens, Escape closes. Without script the box is a plain form that opens the search page.
// "/" focuses the box from anywhere. Events are delegated from the document, so the box keeps working after
// enhanced navigation replaces the page.
(() => {
    const boxOf = (target) => target instanceof HTMLInputElement && target.name === "q" ? target.closest("form[data-suggest]") : null;
    const groups = ["Account", "Contact"];
    let timer;
    let controller;
    let active = -1;

    const listOf = (form) => form.querySelector(".suggestions");
    const inputOf = (form) => form.querySelector("input[name=q]");
    const close = (form) => {
        listOf(form).hidden = true;
        inputOf(form).setAttribute("aria-expanded", "false");
        inputOf(form).removeAttribute("aria-activedescendant");
        active = -1;
    };
    const options = (form) => [...listOf(form).querySelectorAll("[role=option]")];
    const highlight = (form, index) => {
        const items = options(form);
        items.forEach((a, i) => a.setAttribute("aria-selected", String(i === index)));
        active = index;
        if (items[index]) {
            inputOf(form).setAttribute("aria-activedescendant", items[index].id);
            items[index].scrollIntoView({ block: "nearest" });
        }
    };

    // The text with its marked stretches (start and length in UTF-16 units, as the server counts them) in <mark>.
    const marked = (element, text, marks) => {
        let at = 0;
        for (const { start, length } of marks ?? []) {
            if (start < at) continue;
            element.append(text.slice(at, start));
            const mark = document.createElement("mark");
            mark.textContent = text.slice(start, start + length);
            element.append(mark);
            at = start + length;
        }
        element.append(text.slice(at));
        return element;
    };

    const option = (id, href) => {
        const a = document.createElement("a");
        a.id = id;
        a.href = href;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.tabIndex = -1;
        return a;
    };

    function render(form, q, hits) {
        const list = listOf(form);
        const children = [];
        let n = 0;
        for (const kind of groups) {
            const ofKind = hits.filter((hit) => hit.kind === kind);
            if (ofKind.length === 0) continue;
            const group = document.createElement("div");
            group.setAttribute("role", "group");
            const heading = document.createElement("div");
            heading.className = "heading";
            heading.id = `global-search-group-${kind}`;
            heading.setAttribute("role", "presentation");
            heading.textContent = form.getAttribute(`data-group-${kind.toLowerCase()}`);
            group.setAttribute("aria-labelledby", heading.id);
            group.append(heading);
            for (const hit of ofKind) {
                const a = option(`global-search-option-${n++}`, hit.url);
                a.append(marked(document.createElement("strong"), hit.title, hit.titleMarks),
                    marked(document.createElement("span"), hit.detail, hit.detailMarks));
                group.append(a);
            }
            children.push(group);
        }
        if (children.length > 0) {
            const all = option(`global-search-option-${n++}`, `${form.action}?q=${encodeURIComponent(q)}`);
            all.className = "all";
            all.textContent = form.dataset.all.replace("{0}", q);
            children.push(all);
        }
        list.replaceChildren(...children);
        list.hidden = children.length === 0;
        inputOf(form).setAttribute("aria-expanded", String(children.length > 0));
        inputOf(form).removeAttribute("aria-activedescendant");
        active = -1;
    }

    async function load(form) {
        const q = inputOf(form).value.trim();
        if (q.length < 2) { close(form); return; }
        controller?.abort();
        controller = new AbortController();
        try {
            const response = await fetch(`${form.dataset.suggest}?q=${encodeURIComponent(q)}`,
                { signal: controller.signal, headers: { Accept: "application/json" } });
            if (!response.ok) { close(form); return; }
            render(form, q, await response.json());
        } catch (e) {
            if (e.name !== "AbortError") close(form);
        }
    }

    document.addEventListener("input", (e) => {
        const form = boxOf(e.target);
        if (form) {
            clearTimeout(timer);
            timer = setTimeout(() => load(form), 150);
        }
    });

    document.addEventListener("keydown", (e) => {
        const form = boxOf(e.target);
        if (form) {
            const items = listOf(form).hidden ? [] : options(form);
            if (e.key === "ArrowDown" && items.length) { e.preventDefault(); highlight(form, (active + 1) % items.length); }
            else if (e.key === "ArrowUp" && items.length) { e.preventDefault(); highlight(form, active <= 0 ? items.length - 1 : active - 1); }
            else if (e.key === "Enter" && active >= 0 && items[active]) { e.preventDefault(); items[active].click(); }
            else if (e.key === "Escape" && !listOf(form).hidden) { e.preventDefault(); close(form); }
            return;
        }

        const target = e.target;
        const typing = target instanceof HTMLElement
            && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
        if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
            const input = document.querySelector("form[data-suggest] input[name=q]");
            if (input) { e.preventDefault(); input.focus(); }
        }
    });

    document.addEventListener("focusout", (e) => {
        const form = boxOf(e.target);
        if (form) setTimeout(() => close(form), 150);
    });
})();
