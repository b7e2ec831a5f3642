// Runs in each built page: its article as the leaflet prints it.
// ids take the section's prefix (two pages may share an id); links to pages of the
// leaflet point inside the PDF; other links show where they lead, as text.
(args) => {
  const { prefix, pages, local, online } = args;
  const article = document.querySelector("article.md-content__inner").cloneNode(true);
  const take = (selector) => {
    const found = article.querySelector(selector);
    if (found) found.remove();
    return found;
  };
  const contacts = take(".leaflet-contacts");
  const notice = take(":scope > .leaflet-notice");
  const review = take(":scope > .leaflet-review");
  for (const element of article.querySelectorAll(".leaflet-pdf, .leaflet-print-qr, .md-content__button")) {
    element.remove();
  }
  for (const element of article.querySelectorAll("[id]")) element.id = prefix + element.id;
  for (const element of article.querySelectorAll("[aria-labelledby], [aria-describedby]")) {
    for (const name of ["aria-labelledby", "aria-describedby"]) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.split(/\s+/).map((id) => prefix + id).join(" "));
    }
  }
  for (const link of article.querySelectorAll("a[href]")) {
    const url = new URL(link.href);
    const page = pages[url.origin + url.pathname];
    if (page !== undefined) {
      link.setAttribute("href", "#" + page + (url.hash ? "--" + url.hash.slice(1) : ""));
      continue;
    }
    if (url.href.startsWith(local)) link.setAttribute("href", online + url.href.slice(local.length));
    const target = link.getAttribute("href");
    let shown = null;
    if (/^https?:/.test(target)) shown = target.replace(/^https?:\/\//, "").replace(/\/$/, "");
    else if (target.startsWith("mailto:")) shown = target.slice(7);
    else if (target.startsWith("tel:") && !/[0-9]/.test(link.textContent)) shown = target.slice(4);
    if (shown && !link.textContent.includes(shown)) {
      const address = document.createElement("span");
      address.className = "leaflet-address";
      address.textContent = shown;
      link.after(" (", address, ")");
    }
  }
  return {
    content: article.innerHTML,
    contacts: contacts ? contacts.outerHTML : "",
    notice: notice ? notice.innerHTML : null,
    review: review ? review.innerHTML : null,
    canonical: (document.querySelector("link[rel=canonical]") || {}).href || location.href,
    stylesheets: [...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.href),
    // Material sets the direction and its colour scheme on body.
    body: [...document.body.attributes].map((attribute) => [attribute.name, attribute.value]),
  };
}
