import Foundation

/// `output/index.html`: every sheet with its thumbnail, name, type, keywords and a download
/// link. One self-contained page (no external files, no framework: it works offline and from
/// `file://`), readable on a phone, with real headings, list markup and alternative texts for
/// screen readers. A small script of its own (`GalleryFinder.script`) adds a search box,
/// filters by type, keyword and language and a choice of order; without script the controls
/// stay hidden and every community is listed.
enum Gallery {
    static let fileName = "index.html"

    /// The page up to the first card, for `count` sheets: cards follow, then `closing`.
    static func opening(count: Int, title: String = "Community profiles") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>\(escape(title))</title>
          <style>
            :root { color-scheme: light; --ink: #1B2430; --muted: #4A5566; --accent: #005A8C; --tile: #EEF3F8; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: "Noto Sans", system-ui, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
            header { background: #0B3954; color: #fff; padding: 1.5rem 1rem; }
            header h1 { margin: 0 auto; max-width: 72rem; font-size: 1.6rem; }
            header p { margin: .25rem auto 0; max-width: 72rem; color: #D2E4F1; }
            main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
            ul.sheets { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
            .sheet article { background: var(--tile); border-radius: .5rem; padding: .75rem; height: 100%; }
            .thumb img { display: block; width: 100%; height: auto; border: 1px solid #C9D1DB; background: #fff; }
            h2 { font-size: 1.05rem; margin: .6rem 0 .2rem; }
            .type { margin: 0; color: var(--muted); font-size: .9rem; }
            ul.keywords { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .3rem; }
            ul.keywords li { background: #E1EDF7; border-radius: 1rem; padding: .1rem .55rem; font-size: .8rem; }
            a.download { color: var(--accent); font-weight: 600; }
            a:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
            .meta { font-weight: 400; color: var(--muted); }
            .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
            footer { max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .9rem; }
            .facts { margin: .2rem 0 0; color: var(--muted); font-size: .85rem; }
        \(GalleryFinder.style)
          </style>
        </head>
        <body>
          <header>
            <h1>\(escape(title))</h1>
            <p>\(count) communit\(count == 1 ? "y" : "ies"), each a year in the life on a printable sheet.</p>
          </header>
          <main>
            <p><a class="download" href="collection.pdf" download>Download every sheet in one PDF</a> · <a class="download" href="profiles.csv" download>the data as CSV</a> · <a class="download" href="profiles.json" download>as JSON</a></p>
        \(GalleryFinder.controls)
            <ul class="sheets" id="sheets" aria-label="Communities">
        """
    }

    /// One sheet's card, a list item.
    static func card(_ sheet: Manifest.Sheet) -> String {
        let keywords = sheet.keywords.isEmpty ? "" : """

                  <ul class="keywords" aria-label="Keywords">\(sheet.keywords.map { "<li>\(escape($0))</li>" }.joined())</ul>
            """
        let data = sheet.openData
        let founded = data?.number("founded").map { String(Int($0)) }
        let members = data?.number("members.count").map { Int($0) }
        var facts: [String] = []
        if let founded { facts.append("Founded \(founded)") }
        if let members { facts.append("\(members.formatted(.number.locale(Locale(identifier: "en_US")))) member\(members == 1 ? "" : "s")") }
        let factsLine = facts.isEmpty ? "" : "\n              <p class=\"facts\">\(facts.joined(separator: " · "))</p>"
        let search = ([sheet.name, data?.text("short_name"), sheet.type] + sheet.keywords.map(Optional.some)).compactMap { $0 }.joined(separator: " ")
        let attributes = [
            "data-name=\"\(escape(sheet.name))\"", "data-type=\"\(escape(sheet.type))\"", "data-language=\"\(escape(sheet.language))\"",
            "data-keywords=\"\(escape(sheet.keywords.joined(separator: "\n")))\"", "data-search=\"\(escape(search))\"",
            founded.map { "data-founded=\"\($0)\"" }, members.map { "data-members=\"\($0)\"" },
        ].compactMap { $0 }.joined(separator: " ")
        return """

              <li class="sheet" \(attributes)>
                <article aria-labelledby="name-\(escape(sheet.id))">
                  <a class="thumb" href="\(escape(sheet.id)).pdf" tabindex="-1" aria-hidden="true"><img src="\(escape(sheet.id)).png" alt="" width="300" height="388" loading="lazy"></a>
                  <h2 id="name-\(escape(sheet.id))" lang="\(escape(sheet.language))" dir="auto">\(escape(sheet.name))</h2>
                  <p class="type">\(escape(sheet.type))</p>\(factsLine)\(keywords)
                  <p><a class="download" href="\(escape(sheet.id)).pdf" download>Download the sheet <span class="meta">(PDF, \(sheet.pages) pages)</span><span class="visually-hidden"> for <span lang="\(escape(sheet.language))" dir="auto">\(escape(sheet.name))</span></span></a></p>
                </article>
              </li>
          """
    }

    /// The page after the last card.
    static let closing = """

            </ul>
          </main>
          <footer>Made with profilesheet.</footer>
          <script>
        \(GalleryFinder.script)
          </script>
        </body>
        </html>

        """

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
