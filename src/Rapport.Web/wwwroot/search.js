// Type-ahead for the global search box: asks /search/suggest as the user types and lists the hits as links.
// Without script the box is a plain form that opens the search page. "/" focuses the box from anywhere.
(() => {
    const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };

    function wire(form) {
        if (form.dataset.wired) return;
        form.dataset.wired = "1";
        const input = form.querySelector("input[name=q]");
        const list = form.querySelector(".suggestions");
        let active = -1;
        let controller;

        const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; };
        const items = () => [...list.querySelectorAll("a")];
        const highlight = (i) => {
            const links = items();
            links.forEach((a, j) => a.setAttribute("aria-selected", String(i === j)));
            active = i;
        };

        const load = debounce(async () => {
            const q = input.value.trim();
            if (q.length < 2) { close(); return; }
            controller?.abort();
            controller = new AbortController();
            try {
                const response = await fetch(`${form.dataset.suggest}?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { Accept: "application/json" } });
                if (!response.ok) { close(); return; }
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
                if (e.name !== "AbortError") close();
            }
        }, 150);

        input.addEventListener("input", load);
        input.addEventListener("keydown", (e) => {
            const links = items();
            if (e.key === "ArrowDown" && links.length) { e.preventDefault(); highlight((active + 1) % links.length); }
            else if (e.key === "ArrowUp" && links.length) { e.preventDefault(); highlight((active - 1 + links.length) % links.length); }
            else if (e.key === "Enter" && active >= 0) { e.preventDefault(); links[active].click(); }
            else if (e.key === "Escape") { close(); }
        });
        input.addEventListener("blur", () => setTimeout(close, 150));
    }

    const wireAll = () => document.querySelectorAll("form[data-suggest]").forEach(wire);
    document.addEventListener("DOMContentLoaded", wireAll);
    document.addEventListener("enhancedload", wireAll);
    wireAll();

    document.addEventListener("keydown", (e) => {
        const target = e.target;
        if (e.key === "/" && !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) {
            const input = document.querySelector("form[data-suggest] input[name=q]");
            if (input) { e.preventDefault(); input.focus(); }
        }
    });
})();
