// Type-ahead for the global search box: asks /search/suggest as the user types and lists the hits as links.
// Without script the box is a plain form that opens the search page. "/" focuses the box from anywhere.
// Events are delegated from the document, so the box keeps working after enhanced navigation replaces the page.
(() => {
    const boxOf = (target) => target instanceof HTMLInputElement && target.name === "q" ? target.closest("form[data-suggest]") : null;
    let timer;
    let controller;
    let active = -1;

    const listOf = (form) => form.querySelector(".suggestions");
    const close = (form) => {
        listOf(form).hidden = true;
        form.querySelector("input[name=q]").setAttribute("aria-expanded", "false");
        active = -1;
    };
    const links = (form) => [...listOf(form).querySelectorAll("a")];
    const highlight = (form, index) => {
        links(form).forEach((a, i) => a.setAttribute("aria-selected", String(i === index)));
        active = index;
    };

    async function load(form) {
        const input = form.querySelector("input[name=q]");
        const list = listOf(form);
        const q = input.value.trim();
        if (q.length < 2) { close(form); return; }
        controller?.abort();
        controller = new AbortController();
        try {
            const response = await fetch(`${form.dataset.suggest}?q=${encodeURIComponent(q)}`,
                { signal: controller.signal, headers: { Accept: "application/json" } });
            if (!response.ok) { close(form); return; }
            const hits = await response.json();
            list.replaceChildren(...hits.map((hit) => {
                const li = document.createElement("li");
                const a = document.createElement("a");
                a.href = hit.url;
                a.setAttribute("role", "option");
                const title = document.createElement("strong");
                title.textContent = hit.title;
                const detail = document.createElement("span");
                detail.textContent = hit.detail;
                a.append(title, detail);
                li.append(a);
                return li;
            }));
            list.hidden = hits.length === 0;
            input.setAttribute("aria-expanded", String(hits.length > 0));
            active = -1;
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
            const items = links(form);
            if (e.key === "ArrowDown" && items.length) { e.preventDefault(); highlight(form, (active + 1) % items.length); }
            else if (e.key === "ArrowUp" && items.length) { e.preventDefault(); highlight(form, (active - 1 + items.length) % items.length); }
            else if (e.key === "Enter" && active >= 0) { e.preventDefault(); items[active].click(); }
            else if (e.key === "Escape") { close(form); }
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
